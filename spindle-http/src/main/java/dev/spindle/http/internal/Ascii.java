package dev.spindle.http.internal;

import java.util.Arrays;

/**
 * Byte classes of RFC 9110 and RFC 9112 as one 256-entry lookup table, so that the parser checks a
 * byte with one array load and a mask instead of a chain of comparisons.
 */
final class Ascii {

    static final byte CR = '\r';
    static final byte LF = '\n';
    static final byte SP = ' ';
    static final byte HTAB = '\t';

    /** tchar: the bytes of a token (RFC 9110 section 5.6.2), e.g. a method or field name. */
    static final int TOKEN = 1;
    /** Bytes allowed inside a field value: SP, HTAB, VCHAR and obs-text (RFC 9110 section 5.5). */
    static final int FIELD_VALUE = 1 << 1;
    /** Bytes allowed in a request-target: VCHAR. Stricter URI checks belong to the router. */
    static final int TARGET = 1 << 2;
    /** qdtext: bytes allowed unescaped inside a quoted-string (RFC 9110 section 5.6.4). */
    static final int QDTEXT = 1 << 3;
    /** Bytes of a Host value: unreserved, pct-encoded, sub-delims, ":" and the IP-literal brackets (RFC 3986). */
    static final int HOST = 1 << 4;
    /** SP and HTAB: OWS and BWS (RFC 9110 section 5.6.3). */
    static final int WHITESPACE = 1 << 5;

    private static final byte[] CLASSES = new byte[256];
    private static final byte[] HEX_VALUES = new byte[256];

    static {
        for (int b = 0x21; b <= 0x7E; b++) {
            add(b, TARGET | FIELD_VALUE);
        }
        for (int b = 0x80; b <= 0xFF; b++) {
            add(b, FIELD_VALUE | QDTEXT);
        }
        add(SP, FIELD_VALUE | QDTEXT | WHITESPACE);
        add(HTAB, FIELD_VALUE | QDTEXT | WHITESPACE);
        addAll("!#$%&'*+-.^_`|~", TOKEN);
        addRange('0', '9', TOKEN | HOST);
        addRange('a', 'z', TOKEN | HOST);
        addRange('A', 'Z', TOKEN | HOST);
        addAll("-._~%!$&'()*+,;=:[]", HOST);
        for (int b = 0x21; b <= 0x7E; b++) {
            if (b != '"' && b != '\\') {
                add(b, QDTEXT);
            }
        }
        Arrays.fill(HEX_VALUES, (byte) -1);
        for (int b = '0'; b <= '9'; b++) {
            HEX_VALUES[b] = (byte) (b - '0');
        }
        for (int b = 'a'; b <= 'f'; b++) {
            HEX_VALUES[b] = (byte) (b - 'a' + 10);
            HEX_VALUES[b - 'a' + 'A'] = (byte) (b - 'a' + 10);
        }
    }

    private Ascii() {}

    /** Whether byte {@code b} belongs to class {@code mask} (one of the constants above). */
    static boolean is(byte b, int mask) {
        return (CLASSES[b & 0xFF] & mask) != 0;
    }

    /** Whether char {@code c} belongs to class {@code mask}; chars above 0xFF belong to none. */
    static boolean is(char c, int mask) {
        return c <= 0xFF && (CLASSES[c] & mask) != 0;
    }

    /** The value of a hexadecimal digit, or -1 if {@code b} is not one. */
    static int hexValue(byte b) {
        return HEX_VALUES[b & 0xFF];
    }

    static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    static boolean isAlpha(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    private static void add(int b, int mask) {
        CLASSES[b] |= (byte) mask;
    }

    private static void addRange(char from, char to, int mask) {
        for (int b = from; b <= to; b++) {
            add(b, mask);
        }
    }

    private static void addAll(String bytes, int mask) {
        for (int i = 0; i < bytes.length(); i++) {
            add(bytes.charAt(i), mask);
        }
    }

    /** The index of the first CR or LF in {@code in[from, to)}, or {@code to}: where a line ends. */
    static int lineEnd(java.nio.ByteBuffer in, int from, int to) {
        if (in.hasArray()) {
            byte[] array = in.array();
            int base = in.arrayOffset();
            for (int i = from; i < to; i++) {
                byte b = array[base + i];
                if (b == CR || b == LF) {
                    return i;
                }
            }
            return to;
        }
        for (int i = from; i < to; i++) {
            byte b = in.get(i);
            if (b == CR || b == LF) {
                return i;
            }
        }
        return to;
    }
}
