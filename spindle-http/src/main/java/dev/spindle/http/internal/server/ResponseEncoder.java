package dev.spindle.http.internal.server;

import dev.spindle.http.HttpStatus;
import java.nio.charset.StandardCharsets;

/**
 * Writes a response head, and a whole body after it, into one array of exactly the right size:
 * the status line, the fields in the order set, Content-Length, the Connection field, the Date
 * line and the blank line. No builder, no intermediate string: one allocation per response.
 * Public so that the JMH benchmarks in spindle-bench can measure it; not exported.
 */
public final class ResponseEncoder {

    /** What the head says about the connection, beside what the fields say. */
    public enum ConnectionField {
        /** Nothing: an HTTP/1.1 connection that stays open. */
        NONE,
        /** {@code Connection: close}. */
        CLOSE,
        /** {@code Connection: keep-alive}, for an HTTP/1.0 client that asked for it. */
        KEEP_ALIVE
    }

    private static final int FIRST_CACHED = 100;
    private static final byte[][] STATUS_LINES = new byte[500][];
    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    private static final byte[] CLOSE = ascii("Connection: close\r\n");
    private static final byte[] KEEP_ALIVE = ascii("Connection: keep-alive\r\n");

    static {
        for (int i = 0; i < STATUS_LINES.length; i++) {
            STATUS_LINES[i] = statusLineOf(FIRST_CACHED + i);
        }
    }

    private ResponseEncoder() {}

    /**
     * The head, then {@code body} when {@code withBody}. Fields named Connection are left out (the
     * connection field says what holds), and so is any Content-Length field when
     * {@code contentLength} is not negative: that length is written instead, after the fields.
     *
     * @param fields field names (valid tokens) and values (valid, of chars below 256) in turn:
     *     name, value, name, value; may be null when {@code fieldSlots} is 0
     * @param fieldSlots how many slots of {@code fields} hold fields: twice the number of fields
     * @param dateLine {@code Date: ...\r\n}
     */
    public static byte[] encode(int status, String[] fields, int fieldSlots, long contentLength,
            ConnectionField connection, byte[] dateLine, byte[] body, boolean withBody) {
        byte[] statusLine = statusLine(status);
        byte[] connectionLine = switch (connection) {
            case NONE -> null;
            case CLOSE -> CLOSE;
            case KEEP_ALIVE -> KEEP_ALIVE;
        };
        int lengthDigits = contentLength < 0 ? 0 : digits(contentLength);
        int size = statusLine.length + dateLine.length + 2 + (withBody ? body.length : 0);
        for (int i = 0; i < fieldSlots; i += 2) {
            String name = fields[i];
            if (isWritten(name, contentLength)) {
                size += name.length() + fields[i + 1].length() + 4;
            }
        }
        if (lengthDigits > 0) {
            size += CONTENT_LENGTH.length + lengthDigits + 2;
        }
        if (connectionLine != null) {
            size += connectionLine.length;
        }

        byte[] out = new byte[size];
        int at = put(out, 0, statusLine);
        for (int i = 0; i < fieldSlots; i += 2) {
            String name = fields[i];
            if (isWritten(name, contentLength)) {
                at = put(out, at, name);
                out[at++] = ':';
                out[at++] = ' ';
                at = put(out, at, fields[i + 1]);
                out[at++] = '\r';
                out[at++] = '\n';
            }
        }
        if (lengthDigits > 0) {
            at = put(out, at, CONTENT_LENGTH);
            at = putDigits(out, at, contentLength, lengthDigits);
            out[at++] = '\r';
            out[at++] = '\n';
        }
        if (connectionLine != null) {
            at = put(out, at, connectionLine);
        }
        at = put(out, at, dateLine);
        out[at++] = '\r';
        out[at++] = '\n';
        if (withBody) {
            System.arraycopy(body, 0, out, at, body.length);
        }
        return out;
    }

    private static boolean isWritten(String name, long contentLength) {
        return switch (name.length()) {
            case 10 -> !name.equalsIgnoreCase("Connection");
            case 14 -> contentLength < 0 || !name.equalsIgnoreCase("Content-Length");
            default -> true;
        };
    }

    /** {@code HTTP/1.1 <status> <reason>\r\n}: a server sends its own version, also to 1.0 clients (RFC 9110 section 6.2). */
    private static byte[] statusLine(int status) {
        int index = status - FIRST_CACHED;
        return index >= 0 && index < STATUS_LINES.length ? STATUS_LINES[index] : statusLineOf(status);
    }

    private static byte[] statusLineOf(int status) {
        return ascii("HTTP/1.1 " + status + " " + HttpStatus.reasonPhrase(status) + "\r\n");
    }

    private static int put(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    /** A header string, whose chars are all below 256 (checked when it was set), as ISO-8859-1. */
    private static int put(byte[] out, int at, String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            out[at + i] = (byte) text.charAt(i);
        }
        return at + length;
    }

    private static int digits(long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private static int putDigits(byte[] out, int at, long value, int digits) {
        long rest = value;
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + digits;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
