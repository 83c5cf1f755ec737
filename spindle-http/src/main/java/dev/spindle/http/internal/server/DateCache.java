package dev.spindle.http.internal.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The {@code Date} header line, formatted at most once a second (RFC 9110 section 6.6.1). */
final class DateCache {

    private long second = Long.MIN_VALUE;
    private byte[] line;

    /** {@code Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n} for the current second. */
    byte[] line() {
        long now = System.currentTimeMillis() / 1000;
        if (now != second) {
            second = now;
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(now).atOffset(ZoneOffset.UTC));
            line = ("Date: " + date + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        return line;
    }
}
