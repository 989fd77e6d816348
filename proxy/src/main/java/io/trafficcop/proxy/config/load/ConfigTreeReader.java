package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads YAML or TOML into a Jackson tree while recording the line of every key, so that problems can
 * be reported as {@code file:line}. Duplicate keys are rejected as Traefik's YAML and TOML parsers do.
 */
public final class ConfigTreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigTreeReader() {
    }

    /**
     * Parses {@code content}.
     *
     * @throws ConfigSyntaxException when the text is not well-formed, with the line where parsing stopped
     */
    public static ConfigDocument read(String source, String content, ConfigFormat format) throws ConfigSyntaxException {
        return read(source, content, format, true);
    }

    /**
     * Parses {@code content}; with {@code linesNow} false, a YAML text's lines are found when first asked for, by
     * reading the text again (the same text gives the same lines): a read that reports no problem skips a path
     * string and a map entry per key.
     *
     * @throws ConfigSyntaxException when the text is not well-formed, with the line where parsing stopped
     */
    public static ConfigDocument read(String source, String content, ConfigFormat format, boolean linesNow)
            throws ConfigSyntaxException {
        if (format == ConfigFormat.YAML && !linesNow) {
            JsonNode root;
            try {
                root = YamlTreeReader.read(source, content, null);
            } catch (ConfigSyntaxException e) {
                return read(source, content, format, true); // the same error, with the paths its message names
            }
            Map<String, Integer> lines = new LazyMap<>(() -> linesOf(source, content, format));
            return document(source, root, FrozenMap.adopt(lines));
        }
        Map<String, Integer> lines = new HashMap<>();
        if (format == ConfigFormat.YAML) {
            return document(source, YamlTreeReader.read(source, content, lines), lines);
        }
        try (JsonParser parser = format.factory().createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new ConfigDocument(source, NODES.objectNode(), lines);
            }
            if (first == JsonToken.VALUE_NULL) {
                return new ConfigDocument(source, NODES.objectNode(), lines);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigSyntaxException(source, parser.currentTokenLocation().getLineNr(),
                        "the configuration must be a mapping of keys to values");
            }
            ObjectNode root = readObject(parser, "", lines, source);
            if (format == ConfigFormat.TOML) {
                // Jackson's TOML parser reports no locations: find them in the text
                lines.clear();
                lines.putAll(TomlLineIndex.index(content));
            }
            return new ConfigDocument(source, root, lines);
        } catch (ConfigSyntaxException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ConfigSyntaxException.from(source, e);
        }
    }

    private static ConfigDocument document(String source, JsonNode root, Map<String, Integer> lines)
            throws ConfigSyntaxException {
        if (root == null || root.isNull()) {
            return new ConfigDocument(source, NODES.objectNode(), lines);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new ConfigSyntaxException(source, 1, "the configuration must be a mapping of keys to values");
        }
        return new ConfigDocument(source, object, lines);
    }

    /** The lines of a text that has been read once without error. */
    private static Map<String, Integer> linesOf(String source, String content, ConfigFormat format) {
        try {
            return read(source, content, format, true).lines();
        } catch (ConfigSyntaxException e) {
            throw new IllegalStateException("a text read once did not read again: " + e.getMessage(), e);
        }
    }

    private static JsonNode readValue(JsonParser parser, String path, Map<String, Integer> lines, String source)
            throws IOException, ConfigSyntaxException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readObject(parser, path, lines, source);
            case START_ARRAY -> readArray(parser, path, lines, source);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            // TOML dates and times arrive as embedded objects; Traefik has no such option, keep their text
            case VALUE_EMBEDDED_OBJECT -> NODES.textNode(String.valueOf(parser.getEmbeddedObject()));
            default -> throw new ConfigSyntaxException(source, parser.currentTokenLocation().getLineNr(),
                    "unexpected " + token);
        };
    }

    private static ObjectNode readObject(JsonParser parser, String path, Map<String, Integer> lines, String source)
            throws IOException, ConfigSyntaxException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            String childPath = path.isEmpty() ? name : path + "." + name;
            if (object.has(name)) {
                throw new ConfigSyntaxException(source, line, "key \"" + childPath + "\" is defined twice");
            }
            parser.nextToken();
            lines.put(childPath, line);
            object.set(name, readValue(parser, childPath, lines, source));
        }
        return object;
    }

    private static ArrayNode readArray(JsonParser parser, String path, Map<String, Integer> lines, String source)
            throws IOException, ConfigSyntaxException {
        ArrayNode array = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String childPath = path + "[" + index + "]";
            lines.put(childPath, parser.currentTokenLocation().getLineNr());
            array.add(readValue(parser, childPath, lines, source));
            index++;
        }
        return array;
    }
}
