package dev.spindle.bench.http;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header value for the peers that do not add one themselves (Netty, Vert.x),
 * formatted at most once per second as Spindle, Node and the JDK server do, so that every server
 * sends the same header set. Any thread; a stale read costs at most one extra format.
 */
final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private static volatile long second = -1;
    private static volatile String value = "";

    private HttpDate() {}

    /** The current second as an IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    static String now() {
        long now = System.currentTimeMillis() / 1000;
        if (now != second) {
            value = IMF_FIXDATE.format(ZonedDateTime.now(ZoneOffset.UTC));
            second = now;
        }
        return value;
    }
}
