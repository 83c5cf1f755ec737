package dev.spindle.http.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.http.HeaderField;
import dev.spindle.http.HttpMethod;
import dev.spindle.http.HttpParserOptions;
import dev.spindle.http.HttpVersion;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParserTest {

    private static final String HOST = "Host: example.com\r\n";

    /** Feeds {@code raw} whole and one byte at a time; both must report the same; returns the whole run. */
    private static RecordingListener parse(String raw) {
        return parse(raw, HttpParserOptions.DEFAULTS);
    }

    private static RecordingListener parse(String raw, HttpParserOptions options) {
        Feeder.Outcome whole = Feeder.split(raw, options, false, Math.max(raw.length(), 1));
        Feeder.Outcome byByte = Feeder.split(raw, options, false, 1);
        assertThat(byByte.listener().trace).as("byte by byte, as whole").isEqualTo(whole.listener().trace);
        return whole.listener();
    }

    private static void assertRejected(String raw, int status) {
        assertRejected(raw, HttpParserOptions.DEFAULTS, status);
    }

    private static void assertRejected(String raw, HttpParserOptions options, int status) {
        RecordingListener seen = parse(raw, options);
        assertThat(seen.error).as("an error").isNotNull();
        assertThat(seen.error.status()).as(seen.error.getMessage()).isEqualTo(status);
        assertThat(seen.completed).isZero();
    }

    private static RecordingListener assertAccepted(String raw) {
        RecordingListener seen = parse(raw);
        assertThat(seen.error).as("no error").isNull();
        assertThat(seen.completed).isEqualTo(1);
        return seen;
    }

    @Nested
    class Heads {

        @Test
        void reportsRequestLineAndFieldsInOrderWithOriginalCase() {
            RecordingListener seen = assertAccepted(
                    "GET /a?b=c HTTP/1.1\r\nHost: example.com\r\nX-Custom:  Value with  spaces \t\r\naccept: */*\r\n\r\n");
            RequestHead head = seen.head();
            assertThat(head.method()).isEqualTo(HttpMethod.GET);
            assertThat(head.target()).isEqualTo("/a?b=c");
            assertThat(head.version()).isEqualTo(HttpVersion.HTTP_1_1);
            assertThat(head.headers()).containsExactly(
                    new HeaderField("Host", "example.com"),
                    new HeaderField("X-Custom", "Value with  spaces"),
                    new HeaderField("accept", "*/*"));
            assertThat(head.header("ACCEPT")).hasValue("*/*");
            assertThat(head.hasBody()).isFalse();
            assertThat(head.contentLength()).isZero();
        }

        @Test
        void keepsNonAsciiFieldBytesAsLatin1Chars() {
            RecordingListener seen = assertAccepted("GET / HTTP/1.1\r\n" + HOST + "Test: D\u00c3\u00bcsseldorf\r\n\r\n");
            String value = seen.head().header("test").orElseThrow();
            assertThat(new String(value.getBytes(ISO_8859_1), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Düsseldorf");
        }

        @Test
        void emptyFieldValueIsAllowed() {
            assertThat(assertAccepted("GET / HTTP/1.1\r\n" + HOST + "X-Empty:\r\n\r\n").head().header("x-empty")).hasValue("");
        }

        @Test
        void ignoresEmptyLinesBeforeTheRequestLine() {
            assertAccepted("\r\n\r\nGET / HTTP/1.1\r\n" + HOST + "\r\n");
        }

        @Test
        void acceptsEveryTargetForm() {
            assertAccepted("GET http://example.com:8080/x?y HTTP/1.1\r\n" + HOST + "\r\n");
            assertAccepted("OPTIONS * HTTP/1.1\r\n" + HOST + "\r\n");
            assertThat(assertAccepted("CONNECT example.com:443 HTTP/1.1\r\n" + HOST + "\r\n").head().upgrade()).isTrue();
            assertAccepted("CONNECT [::1]:443 HTTP/1.1\r\n" + HOST + "\r\n");
        }

        @Test
        void http10NeedsNoHost() {
            assertThat(assertAccepted("GET / HTTP/1.0\r\n\r\n").head().version()).isEqualTo(HttpVersion.HTTP_1_0);
        }

        @Test
        void expectContinueIsReportedForHttp11Only() {
            assertThat(assertAccepted("PUT / HTTP/1.1\r\n" + HOST + "Expect: 100-Continue\r\n\r\n").head().expectContinue()).isTrue();
            assertThat(assertAccepted("PUT / HTTP/1.0\r\nExpect: 100-continue\r\n\r\n").head().expectContinue()).isFalse();
            assertThat(assertAccepted("PUT / HTTP/1.1\r\n" + HOST + "\r\n").head().expectContinue()).isFalse();
        }
    }

    @Nested
    class RequestLineErrors {

        @ParameterizedTest
        @ValueSource(strings = {
            "GET  / HTTP/1.1", "GET /  HTTP/1.1", "GET / HTTP/1.1 ", " GET / HTTP/1.1", "GET /", "GET / ",
            "GET", "GET\t/ HTTP/1.1", "GET / http/1.1", "GET / HTTP/1.01", "GET / HTTP/11.1", "GET / HTP/1.1",
            "G@T / HTTP/1.1", "GET /\u0001 HTTP/1.1", "GET /\u007f HTTP/1.1", "GET /\u00e9 HTTP/1.1", "GET  HTTP/1.1",
        })
        void malformedRequestLineIs400(String line) {
            assertRejected(line + "\r\n" + HOST + "\r\n", 400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"HTTP/1.2", "HTTP/2.0", "HTTP/0.9", "HTTP/3.0"})
        void unsupportedVersionIs505(String version) {
            assertRejected("GET / " + version + "\r\n" + HOST + "\r\n", 505);
        }

        @Test
        void http2PrefaceIs505() {
            assertRejected("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ASDF", "get", "GETA", "PROPPATCHA"})
        void unknownMethodIs501(String method) {
            assertRejected(method + " / HTTP/1.1\r\n" + HOST + "\r\n", 501);
        }

        @Test
        void targetFormMustFitTheMethod() {
            assertRejected("GET * HTTP/1.1\r\n" + HOST + "\r\n", 400);
            assertRejected("CONNECT / HTTP/1.1\r\n" + HOST + "\r\n", 400);
            assertRejected("CONNECT example.com HTTP/1.1\r\n" + HOST + "\r\n", 400);
            assertRejected("GET example.com/x HTTP/1.1\r\n" + HOST + "\r\n", 400);
        }

        @Test
        void targetOverTheLimitIs414() {
            HttpParserOptions options = HttpParserOptions.builder().maxRequestTargetLength(16).build();
            assertAccepted("GET /" + "a".repeat(15) + " HTTP/1.1\r\n" + HOST + "\r\n");
            assertRejected("GET /" + "a".repeat(16) + " HTTP/1.1\r\n" + HOST + "\r\n", options, 414);
            // Far over the limit the line is judged before its end arrives, split or not.
            assertRejected("GET /" + "a".repeat(500) + " HTTP/1.1\r\n" + HOST + "\r\n", options, 414);
            assertRejected("GET /" + "a".repeat(500), options, 414);
        }

        @Test
        void defaultTargetLimitIs8KiB() {
            String atLimit = "/" + "a".repeat(HttpParserOptions.DEFAULT_MAX_REQUEST_TARGET_LENGTH - 1);
            assertAccepted("GET " + atLimit + " HTTP/1.1\r\n" + HOST + "\r\n");
            assertRejected("GET " + atLimit + "a HTTP/1.1\r\n" + HOST + "\r\n", 414);
        }

        @Test
        void overlongLineWithoutTargetIs400() {
            HttpParserOptions options = HttpParserOptions.builder().maxRequestTargetLength(16).build();
            assertRejected("A".repeat(200), options, 400);
            assertRejected("GET / HTTP/1.1" + "x".repeat(200), options, 400);
        }
    }

    @Nested
    class LineEnds {

        @ParameterizedTest
        @ValueSource(strings = {
            "GET / HTTP/1.1\rHost: a\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n",
            "GET / HTTP/1.1\r\nHo\rst: a\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\r\n\rX",
            "GET / HTTP/1.1\nHost: a\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\r\n\n",
            "\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
        })
        void bareCrOrLfIs400(String raw) {
            assertRejected(raw, 400);
        }
    }

    @Nested
    class FieldErrors {

        @Test
        void obsFoldIs400() {
            assertRejected("GET / HTTP/1.1\r\n" + HOST + "X: a\r\n b\r\n\r\n", 400);
            assertRejected("GET / HTTP/1.1\r\n" + HOST + "X: a\r\n\tb\r\n\r\n", 400);
        }

        @Test
        void whitespaceLineAfterRequestLineIs400() {
            assertRejected("GET / HTTP/1.1\r\n Host: a\r\n" + HOST + "\r\n", 400);
        }

        @Test
        void whitespaceBeforeColonIs400() {
            assertRejected("GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400);
            assertRejected("GET / HTTP/1.1\r\n" + HOST + "X\t: a\r\n\r\n", 400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Fo@", "X(y)", "A\"b", "a/b", "\u00e9t\u00e9", "x{", "a\u0001b"})
        void nonTokenFieldNameIs400(String name) {
            assertRejected("GET / HTTP/1.1\r\n" + HOST + name + ": v\r\n\r\n", 400);
        }

        @Test
        void emptyNameOrMissingColonIs400() {
            assertRejected("GET / HTTP/1.1\r\n" + HOST + ": v\r\n\r\n", 400);
            assertRejected("GET / HTTP/1.1\r\n" + HOST + "NoColon\r\n\r\n", 400);
        }

        @ParameterizedTest
        @ValueSource(chars = {0x00, 0x01, 0x08, 0x0b, 0x0c, 0x1f, 0x7f})
        void controlCharInValueIs400(char ctl) {
            assertRejected("GET / HTTP/1.1\r\n" + HOST + "X: a" + ctl + "b\r\n\r\n", 400);
        }

        @Test
        void tabInValueIsAllowed() {
            assertThat(assertAccepted("GET / HTTP/1.1\r\n" + HOST + "X: a\tb\r\n\r\n").head().header("x")).hasValue("a\tb");
        }

        @Test
        void headerSectionOverTheLimitIs431() {
            HttpParserOptions options = HttpParserOptions.builder().maxHeaderSectionSize(64).build();
            // "Host: example.com\r\n" is 19 bytes, the final CRLF 2: a 43-byte line fills the 64 exactly.
            String line = "X: " + "v".repeat(38) + "\r\n";
            assertThat(line).hasSize(43);
            assertThat(parse("GET / HTTP/1.1\r\n" + HOST + line + "\r\n", options).error).isNull();
            assertRejected("GET / HTTP/1.1\r\n" + HOST + "X: " + "v".repeat(39) + "\r\n\r\n", options, 431);
            assertRejected("GET / HTTP/1.1\r\n" + HOST + "X: y\r\n".repeat(20), options, 431);
        }

        @Test
        void defaultHeaderLimitIs16KiB() {
            String line = "X-Filler: " + "v".repeat(98) + "\r\n";
            String under = "GET / HTTP/1.1\r\n" + HOST + line.repeat(148) + "\r\n";
            assertAccepted(under);
            assertRejected("GET / HTTP/1.1\r\n" + HOST + line.repeat(152) + "\r\n", 431);
        }
    }

    @Nested
    class Host {

        @Test
        void missingHostOnHttp11Is400() {
            assertRejected("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400);
        }

        @Test
        void moreThanOneHostIs400() {
            assertRejected("GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n", 400);
            assertRejected("GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", 400);
        }

        @Test
        void invalidHostValueIs400() {
            assertRejected("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400);
            assertRejected("GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400);
            assertRejected("GET / HTTP/1.1\r\nHost: user@a\r\n\r\n", 400);
        }

        @Test
        void emptyHostAndPortsAndIpLiteralsAreAllowed() {
            assertAccepted("GET / HTTP/1.1\r\nHost:\r\n\r\n");
            assertAccepted("GET / HTTP/1.1\r\nHost: example.com:8080\r\n\r\n");
            assertAccepted("GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n");
        }
    }

    @Nested
    class ContentLength {

        @Test
        void bodyIsDeliveredAsSlicesOfTheInput() {
            byte[] raw = ("POST / HTTP/1.1\r\n" + HOST + "Content-Length: 5\r\n\r\nhello").getBytes(ISO_8859_1);
            RecordingListener seen = new RecordingListener();
            new RequestParser(HttpParserOptions.DEFAULTS, seen).feed(ByteBuffer.wrap(raw));
            assertThat(seen.bodies).containsExactly("hello");
            assertThat(seen.bodyPieces).singleElement().satisfies(piece -> {
                assertThat(piece.array()).isSameAs(raw);
                assertThat(piece.remaining()).isEqualTo(5);
            });
        }

        @Test
        void leadingZerosAndSurroundingWhitespaceAreAllowed() {
            assertThat(assertAccepted("POST / HTTP/1.1\r\n" + HOST + "Content-Length: \t003 \r\n\r\nabc").bodies)
                    .containsExactly("abc");
        }

        @Test
        void identicalRepeatsAreOneValue() {
            assertThat(assertAccepted("POST / HTTP/1.1\r\n" + HOST + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc")
                    .head().contentLength()).isEqualTo(3);
            assertThat(assertAccepted("POST / HTTP/1.1\r\n" + HOST + "Content-Length: 3, 3\r\n\r\nabc")
                    .head().contentLength()).isEqualTo(3);
        }

        @Test
        void differingValuesAre400() {
            assertRejected("POST / HTTP/1.1\r\n" + HOST + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", 400);
            assertRejected("POST / HTTP/1.1\r\n" + HOST + "Content-Length: 3, 4\r\n\r\nabcd", 400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "-1", "+5", "1a", "0x10", "4 2", "3,", ",3", "3,,3", "1.0", "99999999999999999999"})
        void invalidValueIs400(String value) {
            assertRejected("POST / HTTP/1.1\r\n" + HOST + "Content-Length: " + value + "\r\n\r\n", 400);
        }

        @Test
        void withTransferEncodingIs400() {
            assertRejected("POST / HTTP/1.1\r\n" + HOST + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400);
            assertRejected("POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n", 400);
        }

        @Test
        void requestWithoutFramingHasNoBody() {
            RecordingListener seen = parse("POST / HTTP/1.1\r\n" + HOST + "\r\nGET / HTTP/1.1\r\n" + HOST + "\r\n");
            assertThat(seen.completed).isEqualTo(2);
            assertThat(seen.bodyPieces).isEmpty();
        }
    }

    @Nested
    class TransferEncoding {

        private static String chunkedRequest(String codings) {
            return "POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: " + codings + "\r\n\r\n0\r\n\r\n";
        }

        @ParameterizedTest
        @ValueSource(strings = {"chunked", "Chunked", "CHUNKED", " chunked ", ", chunked", "chunked,"})
        void finalChunkedIsAccepted(String codings) {
            RequestHead head = assertAccepted(chunkedRequest(codings)).head();
            assertThat(head.chunked()).isTrue();
            assertThat(head.contentLength()).isEqualTo(-1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"gzip, chunked", "deflate,chunked", "identity, chunked", "x;q=\"a,b\", chunked"})
        void unknownCodingBeforeChunkedIs501(String codings) {
            assertRejected(chunkedRequest(codings), 501);
        }

        @ParameterizedTest
        @ValueSource(strings = {"gzip", "identity", "chunked, gzip", "chunked, chunked", "", "chunkedchunked",
            "chunked;q=1", "chu@nked", "\"chunked\""})
        void chunkedNotFinalOrMalformedIs400(String codings) {
            assertRejected(chunkedRequest(codings), 400);
        }

        @Test
        void codingsOfSeveralLinesAreOneList() {
            assertRejected("POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n", 400);
            assertRejected("POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 501);
        }

        @Test
        void transferEncodingInHttp10Is400() {
            assertRejected("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400);
        }
    }

    @Nested
    class Chunked {

        private static final String HEAD = "POST / HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n";

        @Test
        void decodesChunksAndTrailers() {
            RecordingListener seen = assertAccepted(HEAD
                    + "5\r\nhello\r\n1;ext=1;q=\"a \\\"b\\\" ;c\"\r\n \r\nA \t; x\r\n0123456789\r\n000\r\nVary: *\r\nX-Sum: 42\r\n\r\n");
            assertThat(seen.bodies).containsExactly("hello 0123456789");
            assertThat(seen.trailers).containsExactly(List.of(new HeaderField("Vary", "*"), new HeaderField("X-Sum", "42")));
        }

        @Test
        void noTrailersMeansNoTrailerCallback() {
            assertThat(assertAccepted(HEAD + "0\r\n\r\n").trailers).isEmpty();
        }

        @Test
        void largestChunkSizeIsAcceptedAndOverflowIs400() {
            RecordingListener seen = parse(HEAD + "7fffffffffffffff\r\nabc");
            assertThat(seen.error).isNull();
            assertThat(seen.bodies).containsExactly("abc");
            assertRejected(HEAD + "10000000000000000\r\nabc", 400);
            assertRejected(HEAD + "0000ffffffffffffffffff\r\n", 400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "x", "-1", "0x5", " 5", "5 ", "5;", "5; ", "5;=x", "5;a=", "5;a=\"x", "5;a=b c",
            "5 x", "5;a=\"\u0001\"", "5;a=\"\\\u0001\""})
        void invalidChunkLineIs400(String line) {
            assertRejected(HEAD + line + "\r\nhello\r\n0\r\n\r\n", 400);
        }

        @Test
        void chunkDataMustEndWithCrlf() {
            assertRejected(HEAD + "5\r\nhelloX\r\n0\r\n\r\n", 400);
            assertRejected(HEAD + "5\r\nhello\n0\r\n\r\n", 400);
        }

        @Test
        void chunkLineOverTheLimitIs400() {
            HttpParserOptions options = HttpParserOptions.builder().maxChunkLineLength(16).build();
            assertRejected(HEAD + "5;" + "a".repeat(30) + "\r\nhello\r\n0\r\n\r\n", options, 400);
        }

        @Test
        void trailersAreCheckedLikeHeaders() {
            assertRejected(HEAD + "0\r\nX : y\r\n\r\n", 400);
            assertRejected(HEAD + "0\r\nX: y\r\n z\r\n\r\n", 400);
            assertRejected(HEAD + "0\r\nX: \u0001\r\n\r\n", 400);
            assertRejected(HEAD + "0\r\nX@: y\r\n\r\n", 400);
        }

        @Test
        void trailerSectionOverTheLimitIs431() {
            HttpParserOptions options = HttpParserOptions.builder().maxHeaderSectionSize(100).build();
            assertRejected(HEAD + "0\r\n" + "X: " + "v".repeat(100) + "\r\n\r\n", options, 431);
        }
    }

    @Nested
    class Connections {

        @Test
        void http11KeepsAliveUnlessClose() {
            assertThat(assertAccepted("GET / HTTP/1.1\r\n" + HOST + "\r\n").head().keepAlive()).isTrue();
            assertThat(assertAccepted("GET / HTTP/1.1\r\n" + HOST + "Connection: keep-alive, CLOSE\r\n\r\n").head().keepAlive()).isFalse();
        }

        @Test
        void http10ClosesUnlessKeepAlive() {
            assertThat(assertAccepted("GET / HTTP/1.0\r\n\r\n").head().keepAlive()).isFalse();
            assertThat(assertAccepted("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").head().keepAlive()).isTrue();
        }

        @Test
        void afterCloseNothingMoreIsConsumed() {
            String first = "GET / HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n";
            Feeder.Outcome outcome = Feeder.whole(first + "GET /next HTTP/1.1\r\n" + HOST + "\r\n");
            assertThat(outcome.listener().completed).isEqualTo(1);
            assertThat(outcome.parser().isDone()).isTrue();
            assertThat(outcome.unconsumed()).isEqualTo(("GET /next HTTP/1.1\r\n" + HOST + "\r\n").length());
        }

        @Test
        void pipelinedRequestsInOneBufferAreAllReported() {
            String post = "POST /p HTTP/1.1\r\n" + HOST + "Content-Length: 3\r\n\r\nabc";
            String chunked = "PUT /c HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n2\r\nxy\r\n0\r\n\r\n";
            String get = "GET /g HTTP/1.1\r\n" + HOST + "\r\n";
            RecordingListener seen = parse(post + chunked + get + "GET /partial HT");
            assertThat(seen.error).isNull();
            assertThat(seen.heads).extracting(RequestHead::target).containsExactly("/p", "/c", "/g");
            assertThat(seen.bodies).containsExactly("abc", "xy", "");
            assertThat(seen.completed).isEqualTo(3);
        }

        @Test
        void errorAfterAGoodRequestComesAfterItsCompletion() {
            RecordingListener seen = parse("GET / HTTP/1.1\r\n" + HOST + "\r\nGET / HTTP/1.1\r\n\r\n");
            assertThat(seen.completed).isEqualTo(1);
            assertThat(seen.trace.getLast()).isEqualTo("error 400");
        }

        @Test
        void upgradePausesAfterTheRequestAndLeavesTheRest() {
            String upgrade = "GET /ws HTTP/1.1\r\n" + HOST + "Connection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n\r\n";
            byte[] raw = (upgrade + "\u0081\u0000frame").getBytes(ISO_8859_1);
            RecordingListener seen = new RecordingListener();
            RequestParser parser = new RequestParser(HttpParserOptions.DEFAULTS, seen);
            ByteBuffer in = ByteBuffer.wrap(raw);
            parser.feed(in);
            assertThat(seen.head().upgrade()).isTrue();
            assertThat(seen.completed).isEqualTo(1);
            assertThat(parser.isPaused()).isTrue();
            assertThat(in.position()).isEqualTo(upgrade.length());
        }

        @Test
        void upgradeNeedsConnectionUpgradeAndHttp11() {
            assertThat(assertAccepted("GET / HTTP/1.1\r\n" + HOST + "Upgrade: websocket\r\n\r\n").head().upgrade()).isFalse();
            assertThat(assertAccepted("GET / HTTP/1.1\r\n" + HOST + "Connection: upgrade\r\n\r\n").head().upgrade()).isFalse();
            assertThat(assertAccepted("GET / HTTP/1.0\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n").head().upgrade()).isFalse();
        }
    }

    @Nested
    class PauseAndFinish {

        @Test
        void pauseAfterEachMessageAnswersPipelinedRequestsInOrder() {
            byte[] raw = ("GET /1 HTTP/1.1\r\n" + HOST + "\r\nGET /2 HTTP/1.1\r\n" + HOST + "\r\n").getBytes(ISO_8859_1);
            RecordingListener seen = new RecordingListener();
            RequestParser parser = new RequestParser(HttpParserOptions.DEFAULTS, seen);
            seen.pauseAfterEachMessage = parser;
            ByteBuffer in = ByteBuffer.wrap(raw);

            parser.feed(in);
            assertThat(seen.completed).isEqualTo(1);
            assertThat(in.remaining()).isEqualTo(raw.length / 2);
            parser.feed(in);
            assertThat(seen.completed).as("still paused").isEqualTo(1);

            parser.resume();
            parser.feed(in);
            assertThat(seen.heads).extracting(RequestHead::target).containsExactly("/1", "/2");
            assertThat(in.hasRemaining()).isFalse();
        }

        @Test
        void pauseInOnHeadHoldsTheCompletionUntilResume() {
            RecordingListener seen = new RecordingListener();
            RequestParser parser = new RequestParser(HttpParserOptions.DEFAULTS, seen);
            seen.pauseAfterHead = parser;
            ByteBuffer in = ByteBuffer.wrap(("GET / HTTP/1.1\r\n" + HOST + "\r\n").getBytes(ISO_8859_1));
            parser.feed(in);
            assertThat(seen.heads).hasSize(1);
            assertThat(seen.completed).isZero();
            parser.finish();
            assertThat(seen.error).as("a complete request is not cut short").isNull();
            parser.resume();
            parser.feed(in);
            assertThat(seen.completed).isEqualTo(1);
        }

        @Test
        void pauseInOnHeadHoldsTheBody() {
            RecordingListener seen = new RecordingListener();
            RequestParser parser = new RequestParser(HttpParserOptions.DEFAULTS, seen);
            seen.pauseAfterHead = parser;
            String head = "PUT / HTTP/1.1\r\n" + HOST + "Expect: 100-continue\r\nContent-Length: 4\r\n\r\n";
            ByteBuffer in = ByteBuffer.wrap((head + "body").getBytes(ISO_8859_1));
            parser.feed(in);
            assertThat(seen.head().expectContinue()).isTrue();
            assertThat(in.position()).isEqualTo(head.length());
            parser.resume();
            parser.feed(in);
            assertThat(seen.bodies).containsExactly("body");
            assertThat(seen.completed).isEqualTo(1);
        }

        @Test
        void finishMidRequestIs400() {
            for (String partial : List.of("G", "GET / HTTP/1.1\r", "GET / HTTP/1.1\r\nHost: a\r\n",
                    "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nab",
                    "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n")) {
                Feeder.Outcome outcome = Feeder.split(partial, HttpParserOptions.DEFAULTS, true, partial.length());
                assertThat(outcome.listener().status()).as(partial).isEqualTo(400);
            }
        }

        @Test
        void finishBetweenRequestsIsQuiet() {
            Feeder.Outcome outcome = Feeder.split("GET / HTTP/1.1\r\n" + HOST + "\r\n\r\n", HttpParserOptions.DEFAULTS, true, 5);
            assertThat(outcome.listener().error).isNull();
            assertThat(outcome.listener().completed).isEqualTo(1);
        }

        @Test
        void nothingIsConsumedAfterAnError() {
            RecordingListener seen = new RecordingListener();
            RequestParser parser = new RequestParser(HttpParserOptions.DEFAULTS, seen);
            ByteBuffer in = ByteBuffer.wrap("BAD\r\nGET / HTTP/1.1\r\n\r\n".getBytes(ISO_8859_1));
            parser.feed(in);
            assertThat(seen.status()).isEqualTo(400);
            assertThat(parser.isDone()).isTrue();
            int position = in.position();
            parser.feed(in);
            parser.finish();
            assertThat(in.position()).isEqualTo(position);
            assertThat(seen.trace).containsExactly("error 400");
        }
    }

    @Nested
    class Inputs {

        private static final String REQUEST = "POST /x HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n"
                + "3;a=b\r\nabc\r\n0\r\nT: 1\r\n\r\n";

        @Test
        void directBuffersParseLikeHeapBuffers() {
            ByteBuffer direct = ByteBuffer.allocateDirect(REQUEST.length());
            direct.put(REQUEST.getBytes(ISO_8859_1)).flip();
            RecordingListener seen = new RecordingListener();
            new RequestParser(HttpParserOptions.DEFAULTS, seen).feed(direct);
            assertThat(seen.trace).isEqualTo(parse(REQUEST).trace);
        }

        @Test
        void byteArrayFeedReturnsTheBytesConsumed() {
            byte[] raw = ("xx" + "GET / HTTP/1.0\r\n\r\n" + "GET / HTTP/1.0\r\n\r\n").getBytes(ISO_8859_1);
            RecordingListener seen = new RecordingListener();
            int consumed = new RequestParser(HttpParserOptions.DEFAULTS, seen).feed(raw, 2, raw.length - 2);
            assertThat(consumed).isEqualTo(18);
            assertThat(seen.completed).isEqualTo(1);
        }

        @Test
        void parsersSharingOneScratchKeepTheirHalfLinesApart() {
            ParserScratch shared = new ParserScratch();
            byte[] raw = REQUEST.getBytes(ISO_8859_1);
            String other = "GET /other HTTP/1.1\r\nHost: elsewhere.example\r\nX-Long: " + "v".repeat(600) + "\r\n\r\n";
            byte[] otherRaw = other.getBytes(ISO_8859_1);
            RecordingListener first = new RecordingListener();
            RecordingListener second = new RecordingListener();
            RequestParser a = new RequestParser(HttpParserOptions.DEFAULTS, first, shared);
            RequestParser b = new RequestParser(HttpParserOptions.DEFAULTS, second, shared);
            // Interleaved, cut mid-line, from direct buffers (every line goes through the scratch).
            for (int step = 0; step < Math.max(raw.length, otherRaw.length); step += 5) {
                a.feed(direct(raw, step, Math.min(step + 5, raw.length)));
                b.feed(direct(otherRaw, step, Math.min(step + 5, otherRaw.length)));
            }
            assertThat(first.trace).isEqualTo(parse(REQUEST).trace);
            assertThat(second.trace).isEqualTo(parse(other).trace);
        }

        @Test
        void parsersSharingOneScratchKeepTheirHeaderSectionsApart() {
            // Sections cut mid-way keep their fields while the other parser runs, also past the
            // shared array's first size (16 fields), for every cut size.
            String many = manyFields("GET /a HTTP/1.1\r\n" + HOST, "A", 20);
            String few = manyFields("GET /b HTTP/1.1\r\n" + HOST, "B", 3);
            byte[] manyRaw = many.getBytes(ISO_8859_1);
            byte[] fewRaw = few.getBytes(ISO_8859_1);
            for (int cut = 1; cut <= 64; cut++) {
                ParserScratch shared = new ParserScratch();
                RecordingListener first = new RecordingListener();
                RecordingListener second = new RecordingListener();
                RequestParser a = new RequestParser(HttpParserOptions.DEFAULTS, first, shared);
                RequestParser b = new RequestParser(HttpParserOptions.DEFAULTS, second, shared);
                for (int step = 0; step < Math.max(manyRaw.length, fewRaw.length); step += cut) {
                    b.feed(ByteBuffer.wrap(fewRaw, Math.min(step, fewRaw.length), Math.max(0, Math.min(cut, fewRaw.length - step))));
                    a.feed(ByteBuffer.wrap(manyRaw, Math.min(step, manyRaw.length), Math.max(0, Math.min(cut, manyRaw.length - step))));
                }
                assertThat(first.trace).as("cut %d", cut).isEqualTo(parse(many).trace);
                assertThat(second.trace).as("cut %d", cut).isEqualTo(parse(few).trace);
                assertThat(first.heads.getFirst().headers()).as("cut %d", cut).hasSize(21)
                        .isEqualTo(parse(many).heads.getFirst().headers());
                assertThat(second.heads.getFirst().headers()).as("cut %d", cut).hasSize(4)
                        .isEqualTo(parse(few).heads.getFirst().headers());
            }
        }

        private static String manyFields(String start, String prefix, int count) {
            StringBuilder request = new StringBuilder(start);
            for (int i = 0; i < count; i++) {
                request.append("X-").append(prefix).append(i).append(": value-").append(i).append("\r\n");
            }
            return request.append("\r\n").toString();
        }

        private static ByteBuffer direct(byte[] raw, int from, int to) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(Math.max(to - from, 0));
            if (to > from) {
                buffer.put(raw, from, to - from).flip();
            }
            return buffer;
        }

        @Test
        void everySplitGivesTheSameEvents() {
            List<String> expected = parse(REQUEST).trace;
            for (int a = 0; a <= REQUEST.length(); a++) {
                for (int b = a; b <= REQUEST.length(); b += 7) {
                    Feeder.Outcome outcome = Feeder.feed(REQUEST.getBytes(ISO_8859_1), HttpParserOptions.DEFAULTS, false,
                            new int[] {a, b, REQUEST.length()});
                    assertThat(outcome.listener().trace).as("cut at %d and %d", a, b).isEqualTo(expected);
                }
            }
        }
    }
}
