package io.latentbench.workbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading the text of an input file (results, baselines) with messages that say what is wrong with it: a
 * file that is not UTF-8 (binary, UTF-16) is named as such instead of Java's "Input length = 1", and a
 * refused access says "Permission denied" where Java's message is the bare path.
 */
public final class InputFiles {

    private InputFiles() {}

    /**
     * The file's text, decoded strictly as UTF-8 (a UTF-8 byte order mark is dropped).
     *
     * @throws ResultFileException  when the bytes are not UTF-8 text
     * @throws UncheckedIOException when the file cannot be read, with {@link #describe}'s message
     */
    public static String readUtf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(describe(e), e);
        }
        return decodeUtf8(bytes, file.toString());
    }

    static String decodeUtf8(byte[] bytes, String source) {
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            throw new ResultFileException(source + " is UTF-16 text (it starts with a UTF-16 byte order mark); "
                    + "expected UTF-8: save it as UTF-8");
        }
        int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ResultFileException(source + " is not text: it has a NUL byte at offset " + i
                        + " (a binary file, or UTF-16 without a byte order mark?); expected UTF-8 JSON");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length); // never more chars than UTF-8 bytes
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new ResultFileException(source + " is not UTF-8 text: the byte 0x"
                    + String.format("%02X", bytes[at] & 0xFF) + " at offset " + at
                    + " is not valid UTF-8 (a binary file?); expected UTF-8 JSON");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** An I/O error's message with the reason Java leaves out of it: "Permission denied", "No such file". */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return where(a) + ": Permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return where(n) + ": No such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return where(f) + ": " + f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String where(FileSystemException e) {
        return e.getOtherFile() == null ? e.getFile() : e.getFile() + " -> " + e.getOtherFile();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
