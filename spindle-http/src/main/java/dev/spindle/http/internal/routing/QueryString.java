package dev.spindle.http.internal.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code a=1&b=2&a=3} into an ordered multimap, decoding {@code +} and percent escapes as
 * form encoding does. A key without {@code =} has the empty value, as Node's {@code querystring}.
 */
public final class QueryString {

    private QueryString() {}

    public static Map<String, List<String>> parse(String query) {
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            if (end > start) {
                int equals = query.indexOf('=', start);
                String key;
                String value;
                if (equals < 0 || equals > end) {
                    key = PercentDecoder.decode(query, start, end, true);
                    value = "";
                } else {
                    key = PercentDecoder.decode(query, start, equals, true);
                    value = PercentDecoder.decode(query, equals + 1, end, true);
                }
                result.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
        result.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(result);
    }
}
