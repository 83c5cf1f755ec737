package dev.spindle.http.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shared String instances for the field names most requests carry, in the two spellings clients
 * use (canonical and lower case), so that a typical header section costs no String per name.
 * Other names and spellings are decoded as usual.
 */
final class FieldNames {

    private static final String[] COMMON = {
        "Host", "Connection", "Content-Length", "Content-Type", "Transfer-Encoding", "Accept",
        "Accept-Encoding", "Accept-Language", "User-Agent", "Cookie", "Authorization", "Expect",
        "Upgrade", "Cache-Control", "Origin", "Referer", "If-None-Match", "If-Modified-Since",
        "Keep-Alive", "Pragma", "TE", "Trailer", "Range", "X-Forwarded-For", "X-Forwarded-Proto",
        "X-Request-Id", "Sec-WebSocket-Key", "Sec-WebSocket-Version", "Sec-WebSocket-Protocol",
        "Sec-WebSocket-Extensions", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Sec-Fetch-Dest",
    };
    private static final int MAX_LENGTH = 32;
    /** The interned names, bucketed by length. */
    private static final String[][] BY_LENGTH = new String[MAX_LENGTH + 1][];

    static {
        List<List<String>> buckets = new ArrayList<>();
        for (int i = 0; i <= MAX_LENGTH; i++) {
            buckets.add(new ArrayList<>());
        }
        for (String name : COMMON) {
            buckets.get(name.length()).add(name);
            buckets.get(name.length()).add(name.toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i <= MAX_LENGTH; i++) {
            BY_LENGTH[i] = buckets.get(i).toArray(String[]::new);
        }
    }

    private FieldNames() {}

    /** The name spelled by {@code b[off, off + len)}, shared if it is a common spelling. */
    static String name(byte[] b, int off, int len) {
        if (len <= MAX_LENGTH) {
            for (String candidate : BY_LENGTH[len]) {
                if (matches(candidate, b, off)) {
                    return candidate;
                }
            }
        }
        return new String(b, off, len, ISO_8859_1);
    }

    private static boolean matches(String candidate, byte[] b, int off) {
        for (int i = 0; i < candidate.length(); i++) {
            if (candidate.charAt(i) != b[off + i]) {
                return false;
            }
        }
        return true;
    }
}
