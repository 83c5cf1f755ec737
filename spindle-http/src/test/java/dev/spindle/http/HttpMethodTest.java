package dev.spindle.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpMethodTest {

    @Test
    void tokenIsTheWireForm() {
        assertThat(HttpMethod.GET.token()).isEqualTo("GET");
        assertThat(HttpMethod.M_SEARCH.token()).isEqualTo("M-SEARCH");
        assertThat(HttpMethod.M_SEARCH).hasToString("M-SEARCH");
    }

    @Test
    void ofFindsKnownMethodsCaseSensitively() {
        assertThat(HttpMethod.of("PATCH")).contains(HttpMethod.PATCH);
        assertThat(HttpMethod.of("M-SEARCH")).contains(HttpMethod.M_SEARCH);
        assertThat(HttpMethod.of("get")).isEmpty();
        assertThat(HttpMethod.of("M_SEARCH")).isEmpty();
    }
}
