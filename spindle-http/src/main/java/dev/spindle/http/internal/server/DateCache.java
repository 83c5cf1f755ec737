package dev.spindle.http.internal.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header line, formatted at most once a second (RFC 9110 section 6.6.1). */
final class DateCache {

    /**
     * IMF-fixdate, {@code Sun, 06 Nov 1994 08:49:37 GMT} (RFC 9110 section 5.6.7): always two
     * digits for the day. {@link DateTimeFormatter#RFC_1123_DATE_TIME} writes {@code 6 Nov}, which
     * RFC 9110 does not allow a sender to generate.
     */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private long second = Long.MIN_VALUE;
    private byte[] line;

    /** {@code Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n} for the current second. */
    byte[] line() {
        long now = System.currentTimeMillis() / 1000;
        if (now != second) {
            second = now;
            line = ("Date: " + format(now) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        return line;
    }

    /** {@code epochSecond} as an IMF-fixdate. */
    static String format(long epochSecond) {
        return IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond));
    }
}
