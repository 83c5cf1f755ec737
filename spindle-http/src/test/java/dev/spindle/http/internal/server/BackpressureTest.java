package dev.spindle.http.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.http.App;
import dev.spindle.http.Response;
import dev.spindle.http.server.TestServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Backpressure both ways, on real sockets, observed inside the server (this test lives beside the
 * connection to read its counters). An upload nobody reads stops the server reading once the body
 * holds its high-water mark, so the client's writes back up and server memory stays bounded; a
 * 100 MiB download to a client that does not read makes {@code write} return false, the handler
 * waits for {@code drain}, and the queued bytes stay near the socket's high-water mark.
 */
@Timeout(60)
class BackpressureTest {

    private static final int CHUNK = 64 * 1024;
    /** The socket's and the body's high-water mark. */
    private static final int HIGH_WATER_MARK = 64 * 1024;
    /** The most one read of the loop delivers. */
    private static final int READ_SIZE = 64 * 1024;

    /** A request whose handler has not started reading its body. */
    record Upload(RequestBodyImpl body, Response response) {}

    @Test
    void unreadUploadStopsTheServerReading() throws Exception {
        long total = 64L * 1024 * 1024;
        CompletableFuture<Upload> uploads = new CompletableFuture<>();
        App app = App.create().post("/upload", (req, res) -> uploads.complete(new Upload((RequestBodyImpl) req.body(), res)));
        try (TestServer server = TestServer.start(app); Socket client = new Socket("127.0.0.1", server.port())) {
            AtomicLong written = new AtomicLong();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> upload(client, total, written));
            Upload upload = uploads.get(10, TimeUnit.SECONDS);
            HttpConnection connection = upload.body().connection();

            server.awaitOnLoop("the server stops reading", connection::isReadingPaused, Duration.ofSeconds(10));
            long[] held = server.onLoop(() -> new long[] {upload.body().heldBytes(), connection.leftoverBytes()});
            assertThat(held[0]).as("held body bytes").isBetween((long) HIGH_WATER_MARK, (long) HIGH_WATER_MARK + READ_SIZE);
            assertThat(held[1]).as("unparsed bytes").isLessThanOrEqualTo(READ_SIZE);

            // The client cannot get far: the kernel's buffers fill and its writes block.
            assertThatThrownBy(() -> writer.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(written.get()).isLessThan(total / 2);
            long[] heldLater = server.onLoop(() -> new long[] {upload.body().heldBytes(), connection.leftoverBytes()});
            assertThat(heldLater).as("nothing more was read meanwhile").isEqualTo(held);
            assertThat(server.onLoop(connection::isReadingPaused)).isTrue();

            // Reading starts: everything flows, and the server answers with what it counted.
            server.onLoop(() -> {
                long[] received = {0};
                upload.body().onData(chunk -> received[0] += chunk.remaining())
                        .onEnd(() -> upload.response().send(Long.toString(received[0])));
                return null;
            });
            writer.get(30, TimeUnit.SECONDS);
            Reply reply = Reply.read(new BufferedInputStream(client.getInputStream()), null);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo(Long.toString(total));
            assertThat(written.get()).isEqualTo(total);
        }
    }

    private static void upload(Socket client, long total, AtomicLong written) {
        try {
            OutputStream out = client.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + total + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK];
            for (long sent = 0; sent < total; sent += CHUNK) {
                out.write(chunk);
                written.addAndGet(CHUNK);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The handler's side of the download: writes until told to wait, then waits for drain. */
    static final class Pump {
        final ResponseImpl response;
        final long total;
        final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        long sent;
        long maxBuffered;
        int refusals;
        int drains;

        Pump(Response response, long total) {
            this.response = (ResponseImpl) response;
            this.total = total;
            for (int i = 0; i < CHUNK; i++) {
                chunk.put(i, (byte) ('a' + i % 26));
            }
            response.onDrain(() -> {
                drains++;
                pump();
            });
        }

        void pump() {
            while (sent < total) {
                boolean more = response.write(chunk.duplicate());
                sent += CHUNK;
                maxBuffered = Math.max(maxBuffered, response.bufferedBytes());
                if (!more) {
                    refusals++;
                    return;
                }
            }
            response.end();
        }
    }

    @Test
    void downloadToAClientThatDoesNotReadWaitsForDrain() throws Exception {
        long total = 100L * 1024 * 1024; // 100 MiB, whole chunks
        CompletableFuture<Pump> pumps = new CompletableFuture<>();
        App app = App.create().get("/download", (req, res) -> {
            Pump pump = new Pump(res, total);
            pumps.complete(pump);
            pump.pump();
        });
        try (TestServer server = TestServer.start(app); Socket client = new Socket("127.0.0.1", server.port())) {
            client.getOutputStream().write("GET /download HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Pump pump = pumps.get(10, TimeUnit.SECONDS);

            server.awaitOnLoop("write() returns false", () -> pump.refusals > 0, Duration.ofSeconds(10));
            long sentAtRefusal = server.onLoop(() -> pump.sent);
            assertThat(sentAtRefusal).as("stopped long before the end").isLessThan(total / 4);
            // The handler waits: no drain comes while the client does not read.
            CompletableFuture<Void> never = new CompletableFuture<>();
            assertThatThrownBy(() -> never.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            assertThat(server.onLoop(() -> new long[] {pump.sent, pump.drains, pump.refusals}))
                    .containsExactly(sentAtRefusal, 0, 1);
            long buffered = server.onLoop(pump.response::bufferedBytes);
            assertThat(buffered).isBetween((long) HIGH_WATER_MARK, (long) HIGH_WATER_MARK + CHUNK + 16);

            // The client reads: every byte arrives, through many drains, and the queue stayed bounded.
            long[] received = {0};
            Reply reply = Reply.read(new BufferedInputStream(client.getInputStream(), 1 << 16), received);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("transfer-encoding")).isEqualTo("chunked");
            assertThat(received[0]).isEqualTo(pump.total);
            long[] counters = server.onLoop(() -> new long[] {pump.sent, pump.drains, pump.refusals, pump.maxBuffered});
            assertThat(counters[0]).isEqualTo(total);
            assertThat(counters[1]).as("drains").isEqualTo(counters[2]).isGreaterThan(10);
            assertThat(counters[3]).as("most bytes queued").isLessThanOrEqualTo(HIGH_WATER_MARK + CHUNK + 16);
        }
    }

    /** A response read from a stream; a chunked body is counted into {@code counted} instead of kept, when given. */
    record Reply(int status, String head, String body) {

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        static Reply read(InputStream in, long[] counted) throws IOException {
            StringBuilder head = new StringBuilder();
            for (String line; !(line = line(in)).isEmpty(); ) {
                head.append(line).append("\r\n");
            }
            int status = Integer.parseInt(head.substring(9, 12));
            Reply partial = new Reply(status, head.toString(), "");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equals(partial.header("transfer-encoding"))) {
                for (int size; (size = Integer.parseInt(line(in), 16)) > 0; ) {
                    byte[] data = in.readNBytes(size);
                    if (counted != null) {
                        counted[0] += data.length;
                    } else {
                        body.writeBytes(data);
                    }
                    line(in);
                }
                line(in);
            } else {
                body.writeBytes(in.readNBytes(Integer.parseInt(partial.header("content-length"))));
            }
            return new Reply(status, head.toString(), body.toString(StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b == -1) {
                    throw new IOException("end of stream inside a response");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }
}
