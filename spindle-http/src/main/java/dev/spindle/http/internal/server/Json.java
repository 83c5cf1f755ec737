package dev.spindle.http.internal.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.http.HttpException;

/** The one Jackson mapper the HTTP module uses; thread-safe once configured. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private Json() {}

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    static <T> T read(byte[] body, Class<T> type) {
        try {
            return MAPPER.readValue(body, type);
        } catch (java.io.IOException e) {
            throw new HttpException(400, "the request body is not valid JSON for " + type.getSimpleName(), e);
        }
    }
}
