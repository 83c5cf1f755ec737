package dev.spindle.http.internal;

/**
 * Walks the elements of a comma-separated field value, {@code #element} (RFC 9110 section 5.6.1),
 * without copying: after {@link #next()} returns true, {@link #start} and {@link #end} bound the
 * element with its OWS removed. Empty elements are skipped, as the RFC asks of recipients, and a
 * comma inside a quoted string does not end an element. One instance is reused for every list.
 */
final class ListCursor {

    private String value = "";
    private int position;
    int start;
    int end;

    ListCursor reset(String value) {
        this.value = value;
        this.position = 0;
        return this;
    }

    boolean next() {
        int length = value.length();
        while (position <= length) {
            int from = position;
            int to = elementEnd(from);
            position = to + 1;
            while (from < to && Ascii.is(value.charAt(from), Ascii.WHITESPACE)) {
                from++;
            }
            while (to > from && Ascii.is(value.charAt(to - 1), Ascii.WHITESPACE)) {
                to--;
            }
            if (to > from) {
                start = from;
                end = to;
                return true;
            }
        }
        return false;
    }

    /** Whether the current element is {@code word}, ignoring ASCII case and without a copy. */
    boolean is(String word) {
        return end - start == word.length() && value.regionMatches(true, start, word, 0, word.length());
    }

    /** The index of the comma that ends the element starting at {@code from}, or the value's length. */
    private int elementEnd(int from) {
        boolean quoted = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return value.length();
    }
}
