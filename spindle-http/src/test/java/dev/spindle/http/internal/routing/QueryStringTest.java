package dev.spindle.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.http.HttpException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void parsesRepeatedKeysInOrderAndDecodesFormEncoding() {
        Map<String, List<String>> query = QueryString.parse("a=1&b=two+words&a=%C3%A9&flag&=x&&c=");
        assertThat(query).containsExactly(
                Map.entry("a", List.of("1", "é")),
                Map.entry("b", List.of("two words")),
                Map.entry("flag", List.of("")),
                Map.entry("", List.of("x")),
                Map.entry("c", List.of("")));
    }

    @Test
    void emptyOrMissingIsEmpty() {
        assertThat(QueryString.parse(null)).isEmpty();
        assertThat(QueryString.parse("")).isEmpty();
    }

    @Test
    void malformedEscapesAreABadRequest() {
        assertThatThrownBy(() -> QueryString.parse("a=%G1")).isInstanceOf(HttpException.class);
    }
}
