package dev.spindle.bench.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The floor server answers a pipelined batch with one answer per request, in order, and a head
 * split across two writes once: the bench's pipelined figure for the floor counts real answers.
 */
@Timeout(20)
class FloorBenchServerTest {

    private static final String GET = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static final String GET_JSON = "GET /json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @Test
    void answersEveryPipelinedRequestInOrder() throws Exception {
        try (FloorBenchServer server = FloorBenchServer.start(0);
                Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((GET.repeat(15) + GET_JSON).getBytes(ISO_8859_1));
            out.write(GET.substring(0, 20).getBytes(ISO_8859_1));
            out.flush();
            String answers = readUntil(socket.getInputStream(), BenchRoutes.JSON_BODY);
            out.write(GET.substring(20).getBytes(ISO_8859_1));
            out.flush();
            String last = readUntil(socket.getInputStream(), BenchRoutes.HELLO);

            assertThat(answers.split("HTTP/1.1 200 OK", -1)).hasSize(17);
            assertThat(answers).endsWith(BenchRoutes.JSON_BODY);
            assertThat(answers.indexOf(BenchRoutes.JSON_BODY)).isEqualTo(answers.length() - BenchRoutes.JSON_BODY.length());
            assertThat(last).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 13\r\n", "Date: ")
                    .endsWith("\r\n\r\n" + BenchRoutes.HELLO);
        }
    }

    private static String readUntil(InputStream in, String end) throws Exception {
        StringBuilder read = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!read.toString().endsWith(end)) {
            int n = in.read(buffer);
            assertThat(n).as("the server closed the connection").isPositive();
            read.append(new String(buffer, 0, n, ISO_8859_1));
        }
        return read.toString();
    }
}
