package dev.spindle.http.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.http.HttpException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PathPatternTest {

    @Test
    void literalPathsMatchExactlyIgnoringOneTrailingSlash() {
        PathPattern pattern = PathPattern.compile("/users");
        assertThat(pattern.match("/users")).isEmpty();
        assertThat(pattern.match("/users/")).isEmpty();
        assertThat(pattern.match("/users/1")).isNull();
        assertThat(pattern.match("/Users")).isNull();
        assertThat(PathPattern.compile("/").match("/")).isEmpty();
        assertThat(PathPattern.compile("/").match("/x")).isNull();
    }

    @Test
    void parametersTakeOneDecodedSegment() {
        PathPattern pattern = PathPattern.compile("/users/:id/posts/:post");
        assertThat(pattern.match("/users/42/posts/hello%20world")).isEqualTo(Map.of("id", "42", "post", "hello world"));
        assertThat(pattern.match("/users/42/posts")).isNull();
        assertThat(pattern.match("/users//posts/1")).isNull();
        assertThat(pattern.match("/users/42/posts/1/extra")).isNull();
    }

    @Test
    void optionalParametersMayBeMissing() {
        PathPattern pattern = PathPattern.compile("/files/:name?");
        assertThat(pattern.match("/files")).isEmpty();
        assertThat(pattern.match("/files/a.txt")).isEqualTo(Map.of("name", "a.txt"));
    }

    @Test
    void wildcardsTakeTheRest() {
        assertThat(PathPattern.compile("/static/*").match("/static/css/site.css")).isEqualTo(Map.of("*", "css/site.css"));
        assertThat(PathPattern.compile("/static/*path").match("/static/a/b")).isEqualTo(Map.of("path", "a/b"));
        assertThat(PathPattern.compile("/static/*").match("/static")).isEqualTo(Map.of("*", ""));
        assertThat(PathPattern.compile("/*").match("/anything/at/all")).isEqualTo(Map.of("*", "anything/at/all"));
    }

    @Test
    void prefixesMatchOnSegmentBoundaries() {
        PathPattern prefix = PathPattern.compile("/api");
        assertThat(prefix.matchPrefix("/api/users")).isEmpty();
        assertThat(prefix.matchPrefix("/api")).isEmpty();
        assertThat(prefix.matchPrefix("/apix")).isNull();
        assertThat(PathPattern.compile("/").matchPrefix("/anything")).isEmpty();
        assertThat(PathPattern.compile("/orgs/:org").matchPrefix("/orgs/acme/repos")).isEqualTo(Map.of("org", "acme"));
    }

    @Test
    void aBrokenEscapeIsABadRequest() {
        assertThatThrownBy(() -> PathPattern.compile("/u/:id").match("/u/%zz"))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> PathPattern.compile("/u/:id").match("/u/%c3"))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> PathPattern.compile("/u/:id").match("/u/ab%4"))
                .isInstanceOf(HttpException.class);
    }

    @Test
    void badPatternsAreRejectedAtOnce() {
        assertThatThrownBy(() -> PathPattern.compile("users")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathPattern.compile("/a/*/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathPattern.compile("/a/:")).isInstanceOf(IllegalArgumentException.class);
    }
}
