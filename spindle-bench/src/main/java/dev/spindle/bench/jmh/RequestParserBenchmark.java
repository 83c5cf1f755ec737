package dev.spindle.bench.jmh;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpException;
import dev.spindle.http.HttpParserOptions;
import dev.spindle.http.internal.ParserScratch;
import dev.spindle.http.internal.RequestHead;
import dev.spindle.http.internal.RequestListener;
import dev.spindle.http.internal.RequestParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Spindle's HTTP request parser on one keep-alive connection, one whole request per operation, fed
 * from a direct buffer as the server's socket reads it: {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} is the parser's allocation per request (the head it hands over
 * included). Three requests: what wrk sends, what a browser sends, and a small JSON POST.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RequestParserBenchmark {

    static final String WRK_GET = "GET / HTTP/1.1\r\nHost: 127.0.0.1:18081\r\n\r\n";
    static final String BROWSER_GET = "GET /static/app.js?v=3 HTTP/1.1\r\n"
            + "Host: localhost:8080\r\n"
            + "Connection: keep-alive\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36\r\n"
            + "Accept: */*\r\n"
            + "Sec-Fetch-Site: same-origin\r\n"
            + "Sec-Fetch-Mode: no-cors\r\n"
            + "Sec-Fetch-Dest: script\r\n"
            + "Referer: http://localhost:8080/\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
            + "Accept-Language: en-GB,en;q=0.9\r\n"
            + "Cookie: session=3f2a9c1e7b5d4a60; theme=dark\r\n\r\n";
    static final String SMALL_POST = "POST /api/items HTTP/1.1\r\n"
            + "Host: localhost:8080\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: 27\r\n\r\n"
            + "{\"message\":\"Hello, World!\"}";

    private ByteBuffer wrkGet;
    private ByteBuffer browserGet;
    private ByteBuffer smallPost;
    private RequestParser parser;
    private Sink sink;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        wrkGet = direct(WRK_GET);
        browserGet = direct(BROWSER_GET);
        smallPost = direct(SMALL_POST);
        sink = new Sink(blackhole);
        parser = new RequestParser(HttpParserOptions.DEFAULTS, sink, new ParserScratch());
    }

    @Benchmark
    public int wrkGet() {
        return parse(wrkGet);
    }

    @Benchmark
    public int browserGet() {
        return parse(browserGet);
    }

    @Benchmark
    public int smallPost() {
        return parse(smallPost);
    }

    private int parse(ByteBuffer request) {
        request.clear();
        int before = sink.completed;
        parser.feed(request);
        if (sink.completed != before + 1) {
            throw new IllegalStateException("the request was not parsed whole: " + sink.error);
        }
        return sink.completed;
    }

    static ByteBuffer direct(String request) {
        byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    /** Hands everything the parser reports to the blackhole, so nothing is optimised away. */
    static final class Sink implements RequestListener {
        private final Blackhole blackhole;
        int completed;
        HttpException error;

        Sink(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public void onHead(RequestHead head) {
            blackhole.consume(head);
        }

        @Override
        public void onBody(ByteBuffer data) {
            blackhole.consume(data.remaining());
        }

        @Override
        public void onTrailers(List<HeaderField> trailers) {
            blackhole.consume(trailers);
        }

        @Override
        public void onMessageComplete() {
            completed++;
        }

        @Override
        public void onError(HttpException error) {
            this.error = error;
        }
    }
}
