package dev.spindle.http;

/** The HTTP versions a Spindle server speaks on the wire: 1.0 and 1.1 (RFC 9112). */
public enum HttpVersion {
    HTTP_1_0("HTTP/1.0"),
    HTTP_1_1("HTTP/1.1");

    private final String text;

    HttpVersion(String text) {
        this.text = text;
    }

    /** The version as written in a start line, e.g. {@code HTTP/1.1}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
