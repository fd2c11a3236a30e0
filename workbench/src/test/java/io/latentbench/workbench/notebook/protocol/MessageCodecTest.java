package io.latentbench.workbench.notebook.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signsLikePythonsHmacSha256() {
        // Expected value from: hmac.new(b'secret-key', header + parent + metadata + content, hashlib.sha256).hexdigest()
        String signature = new MessageCodec("secret-key").sign(new byte[][] {
            utf8("{\"a\":1}"), utf8("{}"), utf8("{}"), utf8("{\"code\":\"1+1\"}")});
        assertThat(signature).isEqualTo("ac38879172351d3dcc909177b26e1caf096c9c02e59dc737cad7a4d9283c3250");
    }

    @Test
    void encodedMessagesDecodeBackWithTheirIdentities() throws Exception {
        MessageCodec codec = new MessageCodec("k");
        ObjectNode header = codec.newHeader("execute_request");
        ObjectNode content = JsonNodeFactory.instance.objectNode().put("code", "x = 1");
        List<byte[]> frames = new ArrayList<>();
        frames.add(utf8("client-identity"));
        frames.addAll(codec.encode(header, content));

        JupyterMessage message = codec.decode(Channel.SHELL, frames);
        assertThat(message.type()).isEqualTo("execute_request");
        assertThat(message.id()).isEqualTo(header.path("msg_id").asText());
        assertThat(message.content().path("code").asText()).isEqualTo("x = 1");
        assertThat(message.identities()).hasSize(1);
        assertThat(header.path("version").asText()).isEqualTo("5.3");
        assertThat(header.path("date").asText()).endsWith("Z");
    }

    @Test
    void rejectsTamperedAndMalformedMessages() {
        MessageCodec codec = new MessageCodec("k");
        List<byte[]> frames = new ArrayList<>(codec.encode(codec.newHeader("status"),
                JsonNodeFactory.instance.objectNode().put("execution_state", "idle")));
        frames.set(5, utf8("{\"execution_state\":\"busy\"}"));
        assertThatThrownBy(() -> codec.decode(Channel.IOPUB, frames))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("invalid HMAC signature");

        assertThatThrownBy(() -> codec.decode(Channel.IOPUB, List.of(utf8("only"), utf8("junk"))))
                .hasMessageContaining("no <IDS|MSG> delimiter");

        List<byte[]> otherKey = new MessageCodec("other").encode(codec.newHeader("status"), JsonNodeFactory.instance.objectNode());
        assertThatThrownBy(() -> codec.decode(Channel.IOPUB, otherKey)).hasMessageContaining("invalid HMAC signature");
    }

    @Test
    void anEmptyKeyMeansUnsignedMessages() throws Exception {
        MessageCodec codec = new MessageCodec("");
        List<byte[]> frames = codec.encode(codec.newHeader("status"), JsonNodeFactory.instance.objectNode());
        assertThat(frames.get(1)).isEmpty();
        assertThat(codec.decode(Channel.IOPUB, frames).type()).isEqualTo("status");
    }
}
