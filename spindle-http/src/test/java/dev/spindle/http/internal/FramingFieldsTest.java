package dev.spindle.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.http.HeaderField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FramingFieldsTest {

    private static FramingFields fed(int errorStatus, String name, String lines) {
        FramingFields framing = new FramingFields(errorStatus, new ListCursor());
        for (String value : lines.split("\\|", -1)) {
            framing.add(new HeaderField(name, value));
        }
        return framing;
    }

    /** The facts that hold, by name, in a fixed order: what the head builders judge. */
    private static String facts(FramingFields framing) {
        Map<String, Boolean> facts = new LinkedHashMap<>();
        facts.put("length=" + framing.contentLength(), framing.contentLength() != FramingValues.NONE);
        facts.put("coded", framing.transferEncoding());
        facts.put("chunked-last", framing.chunkedLast());
        facts.put("chunked-twice", framing.chunkedTwice());
        facts.put("other-coding", framing.otherCoding());
        facts.put("open-1.1", framing.persistent(true));
        facts.put("open-1.0", framing.persistent(false));
        facts.put("upgrade", framing.upgrade());
        return facts.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .collect(Collectors.joining(" "));
    }

    /** A field's lines (split on |) and the facts they leave; other names of the same length count for nothing. */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
        "Transfer-Encoding; chunked;                coded chunked-last open-1.1",
        "transfer-encoding; gzip, chunked;          coded chunked-last other-coding open-1.1",
        "Transfer-Encoding; chunked, gzip;          coded other-coding open-1.1",
        "Transfer-Encoding; gzip|chunked;           coded chunked-last other-coding open-1.1",
        "Transfer-Encoding; chunked|Chunked;        coded chunked-last chunked-twice open-1.1",
        "Transfer-Encoding; chunked, gzip, chunked; coded chunked-last chunked-twice other-coding open-1.1",
        "Transfer-Encoding; chunked, chunked, gzip; coded chunked-twice other-coding open-1.1",
        "Transfer-Encoding; ' , ';                  coded open-1.1",
        "Content-Length;    5|5, 5;                 length=5 open-1.1",
        "Connection;        '';                     open-1.1",
        "CONNECTION;        close;                  ''",
        "Connection;        Keep-Alive;             open-1.1 open-1.0",
        "Connection;        keep-alive|close;       ''",
        "Connection;        keep-alive, Upgrade;    open-1.1 open-1.0 upgrade",
        "Connection;        'closed, keep-alives';  open-1.1",
        "Keep-Alive;        close;                  open-1.1",
        "Accept-Charset;    not a number;           open-1.1",
        "If-Modified-Since; chunked;                open-1.1",
    })
    void fieldLinesLeaveFacts(String name, String lines, String expected) {
        assertThat(facts(fed(400, name, lines))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"400", "502"})
    void aMalformedValueFailsWithTheStatusGivenAtConstruction(int errorStatus) {
        assertThatThrownBy(() -> fed(errorStatus, "Content-Length", "5|6"))
                .isInstanceOfSatisfying(ParseError.class, e -> assertThat(e.status()).isEqualTo(errorStatus));
        assertThatThrownBy(() -> fed(errorStatus, "Transfer-Encoding", "chunked;x=1"))
                .isInstanceOfSatisfying(ParseError.class, e -> assertThat(e.status()).isEqualTo(errorStatus));
    }

    @Test
    void startForgetsTheLastMessage() {
        FramingFields framing = fed(400, "Content-Length", "7");
        framing.add(new HeaderField("Transfer-Encoding", "chunked, chunked, gzip"));
        framing.add(new HeaderField("Connection", "close, upgrade"));
        framing.start();
        assertThat(facts(framing)).isEqualTo("open-1.1");
    }
}
