package dev.spindle.monitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test support: a server-sent-events client on a plain socket. Reads the response head, then
 * decodes the chunked body into events, one {@link #next()} at a time.
 */
final class EventStream implements AutoCloseable {

    record Event(String name, String data) {}

    private final Socket socket;
    private final InputStream in;
    final int status;
    final List<String> headLines = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    EventStream(int port, String path) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        in = socket.getInputStream();
        String statusLine = line();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String line = line(); !line.isEmpty(); line = line()) {
            headLines.add(line.toLowerCase(Locale.ROOT));
        }
    }

    /** The next event; fails after the socket's 10 s read timeout. */
    Event next() throws IOException {
        while (true) {
            int end = text.indexOf("\n\n");
            if (end >= 0) {
                String block = text.substring(0, end);
                text.delete(0, end + 2);
                String name = "message";
                StringBuilder data = new StringBuilder();
                for (String field : block.split("\n")) {
                    if (field.startsWith("event: ")) {
                        name = field.substring(7);
                    } else if (field.startsWith("data: ")) {
                        data.append(field.substring(6));
                    }
                }
                if (data.isEmpty()) {
                    continue; // e.g. the "retry:" preamble
                }
                return new Event(name, data.toString());
            }
            int size = Integer.parseInt(line().trim(), 16);
            if (size == 0) {
                throw new IOException("the stream ended");
            }
            text.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
            line(); // the CRLF after the chunk
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("the connection closed");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
