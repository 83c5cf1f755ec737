package dev.spindle.http.internal.client;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpMethod;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Writes a request as HTTP/1.1 bytes, checking what the caller gave: a header must be a token name
 * with a value free of CR, LF and NUL, or a caller could split one request into two; framing
 * fields are the encoder's alone.
 */
public final class RequestEncoder {

    private static final String TCHARS = "!#$%&'*+-.^_`|~";

    private RequestEncoder() {}

    /** The {@code Host} value for {@code host:port}: the port only when not 80, brackets around IPv6. */
    public static String hostField(String host, int port) {
        String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == 80 ? name : name + ":" + port;
    }

    /** The request line, Host unless a header sets it, the headers, Content-Length when needed, the body. */
    public static byte[] encode(HttpMethod method, String target, String host, List<HeaderField> headers, byte[] body) {
        checkTarget(target);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + target.length() + 32 * headers.size() + body.length);
        write(out, method.token());
        out.write(' ');
        write(out, target);
        write(out, " HTTP/1.1\r\n");
        boolean hostGiven = false;
        for (HeaderField field : headers) {
            checkField(field);
            hostGiven |= field.is("Host");
        }
        if (!hostGiven) {
            write(out, "Host: ");
            write(out, host);
            write(out, "\r\n");
        }
        for (HeaderField field : headers) {
            write(out, field.name());
            write(out, ": ");
            write(out, field.value());
            write(out, "\r\n");
        }
        if (body.length > 0 || method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            write(out, "Content-Length: " + body.length + "\r\n");
        }
        write(out, "\r\n");
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void checkTarget(String target) {
        if (target.isEmpty() || (target.charAt(0) != '/' && !target.equals("*"))) {
            throw new IllegalArgumentException("request target must start with '/', was '" + target + "'");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw new IllegalArgumentException("request target has a byte that is not visible ASCII at " + i
                        + " (percent-encode it): " + target);
            }
        }
    }

    private static void checkField(HeaderField field) {
        String name = field.name();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("header with an empty name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || TCHARS.indexOf(c) >= 0;
            if (!token) {
                throw new IllegalArgumentException("header name is not a token: '" + name + "'");
            }
        }
        if (field.is("Content-Length") || field.is("Transfer-Encoding")) {
            throw new IllegalArgumentException(name + " is set by the client from the body; do not give it");
        }
        String value = field.value();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                throw new IllegalArgumentException("header " + name + " has a control or non-Latin-1 character at " + i);
            }
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(ISO_8859_1));
    }
}
