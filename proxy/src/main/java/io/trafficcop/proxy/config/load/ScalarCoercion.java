package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.trafficcop.proxy.config.GoDuration;
import java.util.function.Consumer;

/**
 * Turns a scalar from YAML, TOML, a flag or an environment variable into the JSON type of the field it
 * sets, accepting what Traefik's decoder accepts (Go's strconv rules for booleans and numbers, Go
 * durations or bare seconds for durations).
 */
final class ScalarCoercion {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScalarCoercion() {
    }

    /** The coerced node, or null after reporting why {@code value} does not fit {@code type}. */
    static JsonNode coerce(JsonNode value, Class<?> type, Consumer<String> error) {
        if (type == Object.class || JsonNode.class.isAssignableFrom(type)) {
            return value;
        }
        if (value.isContainerNode()) {
            error.accept("expected " + expected(type) + ", got " + SchemaWalker.describe(value));
            return null;
        }
        String text = value.asText();
        if (type == String.class) {
            return value.isTextual() ? value : NODES.textNode(text);
        }
        if (type == Boolean.class || type == boolean.class) {
            if (value.isBoolean()) {
                return value;
            }
            Boolean parsed = parseGoBool(text);
            if (parsed == null) {
                error.accept("invalid boolean \"" + text + "\"");
                return null;
            }
            return NODES.booleanNode(parsed);
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            if (value.isIntegralNumber()) {
                return fitsInt(type, value.longValue(), text, error);
            }
            try {
                return fitsInt(type, Long.parseLong(text.trim()), text, error);
            } catch (NumberFormatException e) {
                error.accept("invalid integer \"" + text + "\"");
                return null;
            }
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            if (value.isNumber()) {
                return value;
            }
            try {
                return NODES.numberNode(Double.parseDouble(text.trim()));
            } catch (NumberFormatException e) {
                error.accept("invalid number \"" + text + "\"");
                return null;
            }
        }
        if (type == GoDuration.class) {
            try {
                return value.isIntegralNumber() ? value : NODES.textNode(GoDuration.parse(text).toString());
            } catch (IllegalArgumentException e) {
                error.accept(e.getMessage());
                return null;
            }
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                    return NODES.textNode(((Enum<?>) constant).name());
                }
            }
            error.accept("invalid value \"" + text + "\"");
            return null;
        }
        return value;
    }

    private static JsonNode fitsInt(Class<?> type, long number, String text, Consumer<String> error) {
        boolean isInt = type == Integer.class || type == int.class;
        if (isInt && (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE)) {
            error.accept("integer \"" + text + "\" out of range");
            return null;
        }
        return isInt ? NODES.numberNode((int) number) : NODES.numberNode(number);
    }

    /** Go's strconv.ParseBool. */
    static Boolean parseGoBool(String text) {
        return switch (text) {
            case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
            case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String expected(Class<?> type) {
        if (type == Boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == GoDuration.class) {
            return "a duration";
        }
        return "a number";
    }
}
