package dev.custodian.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Typed, key-tracking access to one JSON object of the configuration: every read marks the key
 * as known so {@link #rejectUnknown} can name any key nobody read.
 */
final class JsonFields {
    private final ObjectNode node;
    private final String path;
    private final Set<String> seen = new HashSet<>();

    JsonFields(JsonNode node, String path) {
        if (!(node instanceof ObjectNode object)) {
            throw new ConfigException(path, "must be a JSON object, got " + kind(node));
        }
        this.node = object;
        this.path = path;
    }

    String key(String name) {
        return path == null ? name : path + "." + name;
    }

    boolean has(String name) {
        seen.add(name);
        return node.get(name) != null; // an explicit null is ill-typed, not "use the default"
    }

    JsonNode raw(String name) {
        seen.add(name);
        return node.get(name);
    }

    String string(String name, String fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            throw new ConfigException(key(name), "must be a string, got " + kind(value));
        }
        return value.textValue();
    }

    boolean bool(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode value = node.get(name);
        if (!value.isBoolean()) {
            throw new ConfigException(key(name), "must be true or false, got " + kind(value));
        }
        return value.booleanValue();
    }

    long integer(String name, long fallback, long min, long max) {
        if (!has(name)) {
            return fallback;
        }
        return integerValue(node.get(name), key(name), min, max);
    }

    static long integerValue(JsonNode value, String key, long min, long max) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new ConfigException(key, "must be an integer, got " + kind(value));
        }
        long result = value.longValue();
        if (result < min || result > max) {
            throw new ConfigException(key, "must be in " + min + ".." + max + ", got " + result);
        }
        return result;
    }

    Iterator<String> names() {
        return node.fieldNames();
    }

    void ignore(Set<String> names) {
        seen.addAll(names);
    }

    void rejectUnknown() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!seen.contains(name)) {
                throw new ConfigException(key(name), "unknown key (see docs/CONFIGURATION.md for the accepted keys)");
            }
        }
    }

    static String kind(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "the string \"" + value.textValue() + "\"";
        }
        if (value.isBoolean() || value.isNumber()) {
            return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value;
        }
        return "a JSON " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
