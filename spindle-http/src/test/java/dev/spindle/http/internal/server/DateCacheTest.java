package dev.spindle.http.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DateCacheTest {

    @Test
    void formatsImfFixdateWithATwoDigitDay() {
        assertThat(DateCache.format(784111777L)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT"); // RFC 9110's example
        assertThat(DateCache.format(0L)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
    }

    @Test
    void lineIsAHeaderFieldLine() {
        String line = new String(new DateCache().line(), StandardCharsets.US_ASCII);
        assertThat(line).matches("Date: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n");
    }
}
