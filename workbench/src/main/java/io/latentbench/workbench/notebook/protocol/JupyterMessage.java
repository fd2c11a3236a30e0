package io.latentbench.workbench.notebook.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One message of the Jupyter messaging protocol, as received on {@code channel}. */
public record JupyterMessage(
        Channel channel, ObjectNode header, ObjectNode parentHeader, ObjectNode metadata, JsonNode content,
        List<byte[]> identities) {

    public JupyterMessage {
        identities = List.copyOf(identities);
    }

    public String type() {
        return header.path("msg_type").asText();
    }

    public String id() {
        return header.path("msg_id").asText();
    }

    /** The id of the request this message answers or belongs to, or "" for unsolicited messages. */
    public String parentId() {
        return parentHeader.path("msg_id").asText("");
    }
}
