package dev.spindle.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListCursorTest {

    private static List<String> elements(String value) {
        ListCursor cursor = new ListCursor().reset(value);
        List<String> out = new ArrayList<>();
        while (cursor.next()) {
            out.add(value.substring(cursor.start, cursor.end));
        }
        return out;
    }

    @Test
    void splitsOnCommasAndTrimsWhitespace() {
        assertThat(elements("close, keep-alive,\tupgrade ")).containsExactly("close", "keep-alive", "upgrade");
    }

    @Test
    void skipsEmptyElements() {
        assertThat(elements(" , a,, ,b,")).containsExactly("a", "b");
        assertThat(elements("")).isEmpty();
        assertThat(elements(" ,, ")).isEmpty();
    }

    @Test
    void commaInsideAQuotedStringDoesNotSplit() {
        assertThat(elements("a;q=\"x, \\\"y\\\", z\", b")).containsExactly("a;q=\"x, \\\"y\\\", z\"", "b");
    }

    @Test
    void isComparesIgnoringCase() {
        ListCursor cursor = new ListCursor().reset("Keep-Alive");
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.is("keep-alive")).isTrue();
        assertThat(cursor.is("keep-alivex")).isFalse();
    }
}
