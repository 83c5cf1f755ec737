package dev.spindle.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpExceptionTest {

    @Test
    void carriesItsStatus() {
        HttpException e = new HttpException(404, "no such page");
        assertThat(e.status()).isEqualTo(404);
        assertThat(e).hasMessage("no such page").isInstanceOf(RuntimeException.class);
        assertThat(new HttpException(503).getMessage()).isEqualTo("HTTP 503");
    }

    @Test
    void statusMustBeAnHttpStatus() {
        assertThatThrownBy(() -> new HttpException(42)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpException(600)).isInstanceOf(IllegalArgumentException.class);
    }
}
