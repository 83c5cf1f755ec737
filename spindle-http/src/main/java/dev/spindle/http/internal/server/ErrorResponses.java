package dev.spindle.http.internal.server;

import dev.spindle.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The response a connection sends on its own before it closes: a malformed request or a timeout. */
final class ErrorResponses {

    private ErrorResponses() {}

    static byte[] encode(int status, DateCache dates) {
        String reason = HttpStatus.reasonPhrase(status);
        byte[] body = reason.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        out.writeBytes(("HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(dates.line());
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
