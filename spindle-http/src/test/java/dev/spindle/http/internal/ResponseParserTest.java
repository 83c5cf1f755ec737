package dev.spindle.http.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpException;
import dev.spindle.http.HttpParserOptions;
import dev.spindle.http.HttpVersion;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The response parser, each input fed whole, one byte at a time and cut in two at every position:
 * all three must report the same events.
 */
class ResponseParserTest {

    /** Records events as a trace in which consecutive body pieces are merged. */
    private static final class Recorder implements ResponseListener {
        final List<String> trace = new ArrayList<>();
        final List<ResponseHead> heads = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();
        final List<Boolean> headRequests;
        boolean wantsHeaders = true;
        HttpException error;
        int completed;

        Recorder(List<Boolean> headRequests) {
            this.headRequests = headRequests;
        }

        @Override
        public boolean wantsHeaders() {
            return wantsHeaders;
        }

        @Override
        public boolean answersHead() {
            return heads.size() < headRequests.size() && headRequests.get(heads.size());
        }

        @Override
        public void onHead(ResponseHead head) {
            heads.add(head);
            bodies.add("");
            trace.add("head " + head);
        }

        @Override
        public void onBody(ByteBuffer data) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            String text = new String(bytes, ISO_8859_1);
            bodies.set(bodies.size() - 1, bodies.getLast() + text);
            if (trace.getLast().startsWith("body ")) {
                trace.set(trace.size() - 1, trace.getLast() + text);
            } else {
                trace.add("body " + text);
            }
        }

        @Override
        public void onMessageComplete() {
            completed++;
            trace.add("complete");
        }

        @Override
        public void onError(HttpException e) {
            assertThat(error).as("a second error after %s", error).isNull();
            error = e;
            trace.add("error " + e.status() + " " + e.getMessage());
        }
    }

    private static boolean leanHeaders;

    private static Recorder feed(byte[] bytes, int[] cuts, boolean eof, HttpParserOptions options, List<Boolean> heads) {
        Recorder recorder = new Recorder(heads);
        recorder.wantsHeaders = !leanHeaders;
        ResponseParser parser = new ResponseParser(options, recorder);
        int from = 0;
        for (int cut : cuts) {
            ByteBuffer piece = ByteBuffer.wrap(bytes, from, cut - from).slice();
            parser.feed(piece);
            if (!parser.isDone()) {
                assertThat(piece.hasRemaining()).as("a parser that is not done consumes everything").isFalse();
            }
            from = cut;
        }
        if (eof) {
            parser.finish();
        }
        return recorder;
    }

    private static Recorder parse(String raw) {
        return parse(raw, false, HttpParserOptions.DEFAULTS, List.of());
    }

    /** Parses whole, byte by byte and cut at every position; asserts the traces agree; returns the whole run. */
    private static Recorder parse(String raw, boolean eof, HttpParserOptions options, List<Boolean> heads) {
        byte[] bytes = raw.getBytes(ISO_8859_1);
        Recorder whole = feed(bytes, new int[] {bytes.length}, eof, options, heads);
        int[] single = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            single[i] = i + 1;
        }
        assertThat(feed(bytes, single, eof, options, heads).trace).as("byte by byte").isEqualTo(whole.trace);
        for (int at = 1; at < bytes.length; at++) {
            assertThat(feed(bytes, new int[] {at, bytes.length}, eof, options, heads).trace)
                    .as("cut at %d", at).isEqualTo(whole.trace);
        }
        return whole;
    }

    private static Recorder assertAccepted(String raw, int responses) {
        Recorder seen = parse(raw);
        assertThat(seen.error).as("no error").isNull();
        assertThat(seen.completed).isEqualTo(responses);
        return seen;
    }

    private static void assertRejected(String raw, String message) {
        assertRejected(raw, false, message);
    }

    private static void assertRejected(String raw, boolean eof, String message) {
        Recorder seen = parse(raw, eof, HttpParserOptions.DEFAULTS, List.of());
        assertThat(seen.error).as("an error").isNotNull();
        assertThat(seen.error.status()).isEqualTo(502);
        assertThat(seen.error.getMessage()).contains(message);
    }

    @Nested
    class Framing {

        @Test
        void contentLengthBody() {
            Recorder seen = assertAccepted("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!", 1);
            ResponseHead head = seen.heads.getFirst();
            assertThat(head.version()).isEqualTo(HttpVersion.HTTP_1_1);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.reason()).isEqualTo("OK");
            assertThat(head.headers()).containsExactly(
                    new HeaderField("Content-Type", "text/plain"), new HeaderField("Content-Length", "13"));
            assertThat(head.contentLength()).isEqualTo(13);
            assertThat(head.keepAlive()).isTrue();
            assertThat(seen.bodies).containsExactly("Hello, World!");
        }

        @Test
        void chunkedBodyWithExtensionsAndTrailers() {
            Recorder seen = assertAccepted("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;name=\"va;lue\"\r\nHello\r\n8\r\n, World!\r\n0\r\nChecksum: abc\r\n\r\n", 1);
            assertThat(seen.heads.getFirst().chunked()).isTrue();
            assertThat(seen.heads.getFirst().contentLength()).isEqualTo(-1);
            assertThat(seen.bodies).containsExactly("Hello, World!");
        }

        @Test
        void pipelinedResponsesInOrder() {
            Recorder seen = assertAccepted("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na"
                    + "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nb\r\n0\r\n\r\n"
                    + "HTTP/1.1 204 No Content\r\n\r\n"
                    + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 4);
            assertThat(seen.heads).extracting(ResponseHead::status).containsExactly(200, 404, 204, 200);
            assertThat(seen.bodies).containsExactly("a", "b", "", "");
        }

        @Test
        void bodyUntilCloseWithoutLengthOrChunked() {
            Recorder seen = parse("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of\r\nthis", true,
                    HttpParserOptions.DEFAULTS, List.of());
            assertThat(seen.error).isNull();
            assertThat(seen.completed).isEqualTo(1);
            assertThat(seen.heads.getFirst().closeDelimited()).isTrue();
            assertThat(seen.heads.getFirst().keepAlive()).isFalse();
            assertThat(seen.bodies).containsExactly("all of\r\nthis");
        }

        @Test
        void aCodingOtherThanChunkedLastRunsUntilClose() {
            Recorder seen = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\nxyz", true,
                    HttpParserOptions.DEFAULTS, List.of());
            assertThat(seen.error).isNull();
            assertThat(seen.heads.getFirst().closeDelimited()).isTrue();
            assertThat(seen.bodies).containsExactly("xyz");
        }

        @Test
        void closeDelimitedBodyIsNotCompleteWithoutTheClose() {
            Recorder seen = parse("HTTP/1.1 200 OK\r\n\r\npartial");
            assertThat(seen.completed).isZero();
            assertThat(seen.bodies).containsExactly("partial");
        }

        @Test
        void headResponseHasNoBodyWhateverItsLengthSays() {
            Recorder seen = parse("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi",
                    false, HttpParserOptions.DEFAULTS, List.of(true, false));
            assertThat(seen.error).isNull();
            assertThat(seen.completed).isEqualTo(2);
            assertThat(seen.bodies).containsExactly("", "hi");
            assertThat(seen.heads.getFirst().contentLength()).isZero();
        }

        @ParameterizedTest
        @ValueSource(ints = {204, 304})
        void noContentAndNotModifiedHaveNoBody(int status) {
            Recorder seen = assertAccepted("HTTP/1.1 " + status + " X\r\nContent-Length: 5\r\n\r\n"
                    + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 2);
            assertThat(seen.bodies).containsExactly("", "ok");
        }

        @Test
        void interimResponsesAreSkipped() {
            Recorder seen = assertAccepted("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                    + "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok", 1);
            assertThat(seen.heads).extracting(ResponseHead::status).containsExactly(201);
            assertThat(seen.bodies).containsExactly("ok");
        }

        @Test
        void connectionCloseEndsTheConnectionAndLaterBytesAreLeft() {
            Recorder seen = assertAccepted("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx"
                    + "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\ny", 1);
            assertThat(seen.heads.getFirst().keepAlive()).isFalse();
        }

        @Test
        void http10KeepsAliveOnlyWhenAsked() {
            assertThat(assertAccepted("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 1).heads.getFirst().keepAlive()).isFalse();
            ResponseHead head = assertAccepted("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", 1)
                    .heads.getFirst();
            assertThat(head.keepAlive()).isTrue();
            assertThat(head.version()).isEqualTo(HttpVersion.HTTP_1_0);
        }

        @Test
        void emptyAndMissingReasonAndACustomOne() {
            assertThat(assertAccepted("HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n", 1).heads.getFirst().reason()).isEmpty();
            assertThat(assertAccepted("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", 1).heads.getFirst().reason()).isEmpty();
            assertThat(assertAccepted("HTTP/1.1 200 Fine\tthanks\r\nContent-Length: 0\r\n\r\n", 1).heads.getFirst().reason())
                    .isEqualTo("Fine\tthanks");
        }

        @Test
        void identicalContentLengthsCountAsOne() {
            assertThat(assertAccepted("HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\nok", 1).bodies)
                    .containsExactly("ok");
        }

        @Test
        void withoutHeadersOnlyTheFramingFieldsAreReadAndTheListIsEmpty() {
            leanHeaders = true;
            try {
                Recorder seen = assertAccepted("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\ncontent-length: 2\r\n\r\nok"
                        + "HTTP/1.1 200 OK\r\nX-A: 1\r\nTRANSFER-ENCODING: chunked\r\n\r\n1\r\nb\r\n0\r\n\r\n"
                        + "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n", 3);
                assertThat(seen.heads).allSatisfy(head -> assertThat(head.headers()).isEmpty());
                assertThat(seen.bodies).containsExactly("ok", "b", "");
                assertThat(seen.heads.get(2).keepAlive()).isFalse();
                assertRejected("HTTP/1.1 200 OK\r\nX-Bad : 1\r\n\r\n", "whitespace between field name and colon");
            } finally {
                leanHeaders = false;
            }
        }

        @Test
        void eofBetweenResponsesIsQuiet() {
            Recorder seen = parse("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", true, HttpParserOptions.DEFAULTS, List.of());
            assertThat(seen.error).isNull();
            assertThat(seen.completed).isEqualTo(1);
        }
    }

    @Nested
    class Rejections {

        @ParameterizedTest
        @ValueSource(strings = {
            "HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 0\n\r\n",
        })
        void bareLf(String raw) {
            assertRejected(raw, "bare LF");
        }

        @Test
        void bareCr() {
            assertRejected("HTTP/1.1 200 OK\rContent-Length: 0\r\n\r\n", "bare CR");
        }

        @ParameterizedTest
        @ValueSource(strings = {"HTTP/1.1  200 OK", "HTTP/1.1 20 OK", "HTTP/1.1 2000 OK", "http/1.1 200 OK",
            "HTTP/1.1 099 Low", "HTTP/1.1 600 High", "ICY 200 OK", "HTTP/1.1"})
        void malformedStatusLines(String line) {
            Recorder seen = parse(line + "\r\nContent-Length: 0\r\n\r\n");
            assertThat(seen.error).as(line).isNotNull();
            assertThat(seen.completed).isZero();
        }

        @Test
        void unsupportedVersion() {
            assertRejected("HTTP/2.0 200 OK\r\n\r\n", "HTTP version HTTP/2.0 is not supported");
        }

        @Test
        void controlCharacterInReason() {
            assertRejected("HTTP/1.1 200 O\u0001K\r\n\r\n", "reason phrase contains a control character");
        }

        @Test
        void obsFold() {
            assertRejected("HTTP/1.1 200 OK\r\nX-A: 1\r\n folded\r\nContent-Length: 0\r\n\r\n", "obs-fold");
        }

        @Test
        void whitespaceBeforeColon() {
            assertRejected("HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n", "whitespace between field name and colon");
        }

        @Test
        void contentLengthAndTransferEncoding() {
            assertRejected("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
                    "both Content-Length and Transfer-Encoding");
        }

        @Test
        void transferEncodingInHttp10() {
            assertRejected("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "Transfer-Encoding in an HTTP/1.0 response");
        }

        @Test
        void chunkedTwice() {
            assertRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
                    "chunked appears twice");
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "-1", "1 2", "1,2", ""})
        void badContentLength(String value) {
            Recorder seen = parse("HTTP/1.1 200 OK\r\nContent-Length: " + value + "\r\n\r\n");
            assertThat(seen.error).as(value).isNotNull();
            assertThat(seen.error.getMessage()).containsAnyOf("Content-Length is not a number", "Content-Length values differ");
        }

        @Test
        void badChunkSize() {
            assertRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk-size is not a hexadecimal number");
        }

        @Test
        void chunkDataNotFollowedByCrlf() {
            assertRejected("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", "chunk data not followed by CRLF");
        }

        @Test
        void switchingProtocolsUnasked() {
            assertRejected("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n", "no upgrade was asked for");
        }

        @Test
        void headerSectionOverTheLimit() {
            HttpParserOptions small = HttpParserOptions.builder().maxHeaderSectionSize(64).build();
            Recorder seen = parse("HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(80) + "\r\n\r\n", false, small, List.of());
            assertThat(seen.error.getMessage()).isEqualTo("header section larger than 64 bytes");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
            "HTTP/1.1 200 OK\r\nContent-Le",
            "HTTP/1.1 2",
        })
        void cutShortByTheClose(String raw) {
            assertRejected(raw, true, "connection closed before the response was complete");
        }

        @Test
        void nothingIsConsumedAfterAnError() {
            Recorder recorder = new Recorder(List.of());
            ResponseParser parser = new ResponseParser(HttpParserOptions.DEFAULTS, recorder);
            parser.feed(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n".getBytes(ISO_8859_1)));
            assertThat(parser.isDone()).isTrue();
            ByteBuffer more = ByteBuffer.wrap("HTTP/1.1 200 OK\r\n\r\n".getBytes(ISO_8859_1));
            parser.feed(more);
            assertThat(more.remaining()).isEqualTo(more.capacity());
            assertThat(recorder.trace).hasSize(1);
        }
    }
}
