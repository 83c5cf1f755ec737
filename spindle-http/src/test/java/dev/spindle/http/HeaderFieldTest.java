package dev.spindle.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderFieldTest {

    @Test
    void namesCompareCaseInsensitively() {
        HeaderField field = new HeaderField("Content-Length", "3");
        assertThat(field.is("content-length")).isTrue();
        assertThat(field.is("CONTENT-LENGTH")).isTrue();
        assertThat(field.is("Content-Type")).isFalse();
        assertThat(field).hasToString("Content-Length: 3");
    }
}
