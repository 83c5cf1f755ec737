package dev.spindle.workers.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The fork channel's wire format: one JSON value per line, UTF-8. Jackson writes no raw newline
 * inside a value (strings escape it), so a newline always ends a message.
 */
public final class JsonLines {

    /** Unknown properties are ignored, so parent and child may evolve their messages apart. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JsonLines() {}

    /** {@code message} as one line, newline included. */
    public static byte[] encode(Object message) {
        try {
            byte[] json = MAPPER.writeValueAsBytes(message);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot send " + message.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The value in {@code line[offset, offset + length)}, as {@code type}. */
    public static <T> T decode(byte[] line, int offset, int length, Class<T> type) throws IOException {
        return MAPPER.readValue(line, offset, length, type);
    }

    /**
     * The next line from {@code in} without its newline, or null at end of input. A line longer than
     * {@code maxBytes} is read to its end and reported as an {@link IOException}.
     */
    public static byte[] readLine(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean oversized = false;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                if (oversized) {
                    throw new IOException("a message line was longer than " + maxBytes + " bytes");
                }
                return line.toByteArray();
            }
            if (line.size() < maxBytes) {
                line.write(b);
            } else {
                oversized = true;
            }
        }
        return line.size() == 0 ? null : line.toByteArray(); // a last line without its newline still counts
    }
}
