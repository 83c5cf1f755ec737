package dev.spindle.jobs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** Payloads, results and progress as JSON text, by one shared Jackson mapper (thread-safe once configured). */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** {@code value} as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code value} as a JSON tree. */
    public static JsonNode tree(Object value) {
        return value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
    }

    /** Parses JSON text; null reads as JSON null. */
    public static JsonNode read(String json) {
        if (json == null) {
            return NullNode.getInstance();
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses stored progress; none yet reads as 0. */
    public static JsonNode progress(String json) {
        return json == null ? IntNode.valueOf(0) : read(json);
    }

    /** Parses JSON bytes, e.g. a request body. */
    public static JsonNode read(byte[] json) throws java.io.IOException {
        return MAPPER.readTree(json);
    }

    /** {@code node} converted to {@code type}. */
    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getName() + " from JSON: " + e.getOriginalMessage(), e);
        }
    }
}
