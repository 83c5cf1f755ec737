package dev.spindle.http.internal;

import dev.spindle.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the {@link HttpMethod} spelled by a run of bytes without making a String: the methods are
 * bucketed by first letter, so a lookup compares a few candidates of the right length at most.
 */
final class Methods {

    private static final HttpMethod[][] BY_FIRST_LETTER = new HttpMethod[26][];
    private static final byte[][] TOKENS = new byte[HttpMethod.values().length][];

    static {
        List<List<HttpMethod>> buckets = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            buckets.add(new ArrayList<>());
        }
        for (HttpMethod method : HttpMethod.values()) {
            TOKENS[method.ordinal()] = method.token().getBytes(StandardCharsets.US_ASCII);
            buckets.get(method.token().charAt(0) - 'A').add(method);
        }
        for (int i = 0; i < 26; i++) {
            BY_FIRST_LETTER[i] = buckets.get(i).toArray(HttpMethod[]::new);
        }
    }

    private Methods() {}

    /** The method spelled exactly (case-sensitively) by {@code b[off, off + len)}, or null. */
    static HttpMethod find(byte[] b, int off, int len) {
        int letter = b[off] - 'A';
        if (letter < 0 || letter >= 26) {
            return null;
        }
        for (HttpMethod method : BY_FIRST_LETTER[letter]) {
            byte[] token = TOKENS[method.ordinal()];
            if (token.length == len && Arrays.equals(token, 0, len, b, off, off + len)) {
                return method;
            }
        }
        return null;
    }
}
