package io.latentbench.workbench.kernel.jupyter;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.zeromq.ZMQ;

/**
 * Reads one message from a kernel socket and decides whether it may be handled. jjava-jupyter's own
 * reading throws from the channel's thread on a bad signature or an unparsable header, which ends that
 * thread for good; here every frame of the message is received first, so a refused message leaves the
 * socket at the start of the next one, and the verdict is a value the channel logs.
 */
final class WireReader {

    /** What reading one message gave. */
    sealed interface Read permits Accepted, Dropped {
    }

    record Accepted(Message<?> message) implements Read {
    }

    record Dropped(String reason) implements Read {
    }

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    // The same adapters as jjava-jupyter's JupyterSocket, whose Gson is private.
    private static final Gson REPLY_GSON = new GsonBuilder()
            .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
            .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
            .create();
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(REPLY_GSON))
            .create();
    /** What jjava-jupyter's header adapter reads without checking. */
    private static final List<String> HEADER_FIELDS = List.of("msg_id", "username", "session", "msg_type", "version");
    private static final Type JSON_OBJECT_AS_MAP = new TypeToken<Map<String, Object>>() {
    }.getType();

    private final HMACGenerator hmac;
    private final DigestHistory history;

    WireReader(HMACGenerator hmac, DigestHistory history) {
        this.hmac = hmac;
        this.history = history;
    }

    /** Blocks for the next message on the socket and reads all of its frames; null if the socket was closed. */
    Read read(ZMQ.Socket socket) {
        byte[] first = socket.recv(0);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        return verify(frames);
    }

    /**
     * The next message on the socket that passes verification, for a caller that waits for one (a reply on
     * stdin); the others are logged as dropped on {@code channel}. Null once the socket is closed.
     */
    Message<?> next(ZMQ.Socket socket, String channel, Consumer<String> log) {
        while (true) {
            switch (read(socket)) {
                case null -> {
                    return null;
                }
                case Dropped dropped -> log.accept("kernel: dropped a message on " + channel + ": " + dropped.reason());
                case Accepted accepted -> {
                    return accepted.message();
                }
            }
        }
    }

    /** The verdict on one message's frames: identities, delimiter, signature, four JSON frames, buffers. */
    Read verify(List<byte[]> frames) {
        int delimiter = -1;
        for (int i = 0; i < frames.size() && delimiter < 0; i++) {
            if (Arrays.equals(DELIMITER, frames.get(i))) {
                delimiter = i;
            }
        }
        if (delimiter < 0) {
            return new Dropped(frames.size() + " frames without the <IDS|MSG> delimiter");
        }
        if (frames.size() < delimiter + 6) {
            return new Dropped("the delimiter is followed by " + (frames.size() - delimiter - 1)
                    + " frames, not a signature and the four JSON frames");
        }
        byte[] header = frames.get(delimiter + 2);
        byte[] parent = frames.get(delimiter + 3);
        byte[] metadata = frames.get(delimiter + 4);
        byte[] content = frames.get(delimiter + 5);
        if (hmac != HMACGenerator.NO_AUTH_INSTANCE) {
            String expected = hmac.calculateSignature(header, parent, metadata, content);
            byte[] received = frames.get(delimiter + 1);
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), received)) {
                return new Dropped("invalid HMAC signature");
            }
            if (!history.firstSighting(expected)) {
                return new Dropped("replayed signature (this message was received before)");
            }
        }
        try {
            return new Accepted(parse(frames.subList(0, delimiter), header, parent, metadata, content,
                    frames.subList(delimiter + 6, frames.size())));
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            return new Dropped("unparsable message: " + e.getClass().getSimpleName() + ": " + detail);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Message<?> parse(List<byte[]> identities, byte[] headerRaw, byte[] parentRaw, byte[] metadataRaw,
                                    byte[] contentRaw, List<byte[]> blobs) {
        JsonObject headerJson = JsonParser.parseString(utf8(headerRaw)).getAsJsonObject();
        for (String field : HEADER_FIELDS) {
            JsonElement value = headerJson.get(field);
            if (value == null || !value.isJsonPrimitive()) {
                throw new IllegalArgumentException("the header has no \"" + field + "\"");
            }
        }
        Header<?> header = GSON.fromJson(headerJson, Header.class);
        if (header == null || header.getType() == null) {
            throw new IllegalArgumentException("the header names no message type");
        }
        Header<?> parent = null;
        JsonElement parentJson = JsonParser.parseString(utf8(parentRaw));
        if (parentJson.isJsonObject() && !parentJson.getAsJsonObject().isEmpty()) {
            parent = GSON.fromJson(parentJson, Header.class);
        }
        Map<String, Object> metadata = GSON.fromJson(JsonParser.parseString(utf8(metadataRaw)).getAsJsonObject(),
                JSON_OBJECT_AS_MAP);
        Object content = GSON.fromJson(JsonParser.parseString(utf8(contentRaw)).getAsJsonObject(),
                header.getType().getContentType());
        if (content instanceof ErrorReply) {
            header = new Header<>(header.getId(), header.getUsername(), header.getSessionId(), header.getTimestamp(),
                    header.getType().error(), header.getVersion());
        }
        return new Message(new ArrayList<>(identities), header, parent, metadata, content, new ArrayList<>(blobs));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
