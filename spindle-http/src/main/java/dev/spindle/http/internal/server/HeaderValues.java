package dev.spindle.http.internal.server;

/**
 * Checks response header fields before they are written, so a handler cannot split a response by
 * putting CR or LF into a value (response splitting) or send an invalid field name.
 */
final class HeaderValues {

    private HeaderValues() {}

    static void check(String name, String value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a header needs a name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("invalid header name: " + name);
            }
        }
        if (value == null) {
            throw new IllegalArgumentException("header " + name + " needs a value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("invalid character in the value of header " + name);
            }
        }
    }
}
