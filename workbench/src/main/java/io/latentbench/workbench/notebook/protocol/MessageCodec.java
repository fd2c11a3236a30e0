package io.latentbench.workbench.notebook.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns messages into ZMQ frames and back: {@code identities, <IDS|MSG>, signature, header, parent_header,
 * metadata, content, buffers...}, signed with HMAC-SHA256 over the four JSON frames.
 */
public final class MessageCodec {

    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    static final String PROTOCOL_VERSION = "5.3";

    private final ObjectMapper json = new ObjectMapper();
    private final SecretKeySpec key;
    private final String session = UUID.randomUUID().toString();

    public MessageCodec(String key) {
        // An empty key disables signing, as the protocol allows.
        this.key = key.isEmpty() ? null : new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public ObjectNode newHeader(String msgType) {
        ObjectNode header = json.createObjectNode();
        header.put("msg_id", UUID.randomUUID().toString());
        header.put("session", session);
        header.put("username", System.getProperty("user.name", "latentbench"));
        header.put("date", Instant.now().toString());
        header.put("msg_type", msgType);
        header.put("version", PROTOCOL_VERSION);
        return header;
    }

    /** Frames for a request with a fresh header; the header's msg_id identifies the replies. */
    public List<byte[]> encode(ObjectNode header, JsonNode content) {
        byte[][] parts = {
            bytes(header), "{}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8), bytes(content)
        };
        List<byte[]> frames = new ArrayList<>();
        frames.add(DELIMITER);
        frames.add(sign(parts).getBytes(StandardCharsets.US_ASCII));
        frames.addAll(Arrays.asList(parts));
        return frames;
    }

    /** Parses frames as received; a bad signature or a malformed message is a {@link ProtocolException}. */
    public JupyterMessage decode(Channel channel, List<byte[]> frames) throws ProtocolException {
        int delimiter = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (Arrays.equals(frames.get(i), DELIMITER)) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0 || frames.size() < delimiter + 6) {
            throw new ProtocolException("malformed message on " + channel + ": " + frames.size() + " frames, no <IDS|MSG> delimiter followed by 5 frames");
        }
        byte[][] parts = new byte[4][];
        for (int i = 0; i < 4; i++) parts[i] = frames.get(delimiter + 2 + i);
        if (key != null) {
            byte[] expected = sign(parts).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, frames.get(delimiter + 1))) {
                throw new ProtocolException("message on " + channel + " has an invalid HMAC signature");
            }
        }
        try {
            return new JupyterMessage(
                    channel,
                    object(parts[0]),
                    object(parts[1]),
                    object(parts[2]),
                    json.readTree(parts[3]),
                    frames.subList(0, delimiter));
        } catch (java.io.IOException e) {
            throw new ProtocolException("message on " + channel + " is not valid JSON: " + e.getMessage());
        }
    }

    private ObjectNode object(byte[] frame) throws java.io.IOException {
        JsonNode node = json.readTree(frame);
        return node instanceof ObjectNode o ? o : json.createObjectNode();
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    String sign(byte[][] parts) {
        if (key == null) return "";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            for (byte[] part : parts) mac.update(part);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
