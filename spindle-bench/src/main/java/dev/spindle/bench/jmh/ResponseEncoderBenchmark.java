package dev.spindle.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.bench.http.BenchRoutes;
import dev.spindle.http.internal.server.ResponseEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Spindle's response writer: what {@code res.send(text)} and {@code res.json(value)} turn into on
 * the wire, head and body in one buffer, as the bench server's {@code /} and {@code /json} answer.
 * Per operation: the header array a response allocates for its first field (as ResponseImpl
 * does), the body's bytes (the text encoded, or the record serialized by Jackson as the server's
 * mapper does), and the encoded response;
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is the writer's allocation per response.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ResponseEncoderBenchmark {

    private static final byte[] DATE_LINE = "Date: Sun, 22 Nov 2026 17:00:00 GMT\r\n".getBytes(StandardCharsets.US_ASCII);

    private ObjectMapper mapper;

    @Setup(Level.Trial)
    public void setUp() {
        mapper = new ObjectMapper().findAndRegisterModules();
    }

    @Benchmark
    public ByteBuffer plaintext() {
        return respond("text/plain; charset=utf-8", BenchRoutes.HELLO.getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public ByteBuffer json() throws JsonProcessingException {
        return respond("application/json; charset=utf-8", mapper.writeValueAsBytes(BenchRoutes.Message.HELLO));
    }

    private static ByteBuffer respond(String type, byte[] body) {
        String[] fields = new String[4];
        fields[0] = "Content-Type";
        fields[1] = type;
        return ByteBuffer.wrap(ResponseEncoder.encode(200, fields, 2, body.length,
                ResponseEncoder.ConnectionField.NONE, DATE_LINE, body, true));
    }
}
