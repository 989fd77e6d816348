package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a configuration tree from Traefik's flat options — command-line flags
 * ({@code --entryPoints.web.address=:80}) and environment variables
 * ({@code TRAEFIK_ENTRYPOINTS_WEB_ADDRESS=:80}) — guided by the configuration records: a list of scalars
 * takes a comma-separated value, {@code name[0]} (or {@code _0_}) addresses an item of a list of sections,
 * and {@code true} (or no value) on a section enables it with its defaults, as {@code --api} does.
 * Segments no record knows are kept as written, so that the {@link SchemaWalker} reports them as
 * {@code unknown field} with their path.
 */
final class OptionTreeBuilder {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Class<?> rootType;
    private final ObjectNode root = NODES.objectNode();
    private final Map<String, Integer> lines = new HashMap<>();

    OptionTreeBuilder(Class<?> rootType) {
        this.rootType = rootType;
    }

    /** One segment of an option's path: a key, and a list index when written {@code key[3]}. */
    record Segment(String key, int index) {
        static Segment parse(String text) {
            int open = text.indexOf('[');
            if (open > 0 && text.endsWith("]")) {
                try {
                    return new Segment(text.substring(0, open), Integer.parseInt(text.substring(open + 1, text.length() - 1)));
                } catch (NumberFormatException e) {
                    return new Segment(text, -1);
                }
            }
            return new Segment(text, -1);
        }
    }

    ConfigDocument document(String source) {
        return new ConfigDocument(source, root, lines);
    }

    /** Sets one option given as dot-separated segments, e.g. a flag's name without its dashes. */
    void set(List<Segment> segments, String value) {
        JsonNode node = root;
        Type type = rootType;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            Class<?> raw = SchemaWalker.rawClass(type);
            String key = segment.key();
            Type childType;
            if (SchemaWalker.isSection(raw)) {
                RecordComponent component = SchemaWalker.findComponent(raw, key);
                if (component == null) {
                    placeUnknown((ObjectNode) node, segments.subList(i, segments.size()), value);
                    return;
                }
                key = SchemaWalker.keyOf(component);
                childType = component.getGenericType();
            } else if (java.util.Map.class.isAssignableFrom(raw)) {
                childType = SchemaWalker.typeArgument(type, 1);
            } else {
                placeUnknown((ObjectNode) node, segments.subList(i, segments.size()), value);
                return;
            }
            ObjectNode object = (ObjectNode) node;
            if (segment.index() >= 0 && List.class.isAssignableFrom(SchemaWalker.rawClass(childType))) {
                ArrayNode array = object.get(key) instanceof ArrayNode existing ? existing : object.putArray(key);
                while (array.size() <= segment.index()) {
                    array.addObject();
                }
                Type itemType = SchemaWalker.typeArgument(childType, 0);
                if (last) {
                    array.set(segment.index(), leaf(itemType, value));
                    return;
                }
                node = array.get(segment.index());
                type = itemType;
                continue;
            }
            if (last) {
                JsonNode leaf = leaf(childType, value);
                if (leaf == null) {
                    object.remove(key);
                } else if (!(leaf.isObject() && object.get(key) instanceof ObjectNode)) {
                    object.set(key, leaf);
                }
                return;
            }
            JsonNode child = object.get(key);
            if (!(child instanceof ObjectNode)) {
                child = object.putObject(key);
            }
            node = child;
            type = childType;
        }
    }

    /** The type of the option at {@code keys} (map keys and list indexes included), or null when there is none. */
    Type typeAt(List<String> keys) {
        Type type = rootType;
        for (String key : keys) {
            Class<?> raw = SchemaWalker.rawClass(type);
            if (SchemaWalker.isSection(raw)) {
                RecordComponent component = SchemaWalker.findComponent(raw, key);
                if (component == null) {
                    return null;
                }
                type = component.getGenericType();
            } else if (java.util.Map.class.isAssignableFrom(raw)) {
                type = SchemaWalker.typeArgument(type, 1);
            } else if (List.class.isAssignableFrom(raw) && isIndex(key)) {
                type = SchemaWalker.typeArgument(type, 0);
            } else {
                return null;
            }
        }
        return type;
    }

    static boolean isIndex(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (!Character.isDigit(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode leaf(Type type, String value) {
        Class<?> raw = SchemaWalker.rawClass(type);
        if (SchemaWalker.isSection(raw)) {
            // "--api", "--api=true": the section is present with its defaults; "--api=false": absent
            Boolean enabled = value.isEmpty() ? Boolean.TRUE : ScalarCoercion.parseGoBool(value);
            if (enabled == null) {
                return NODES.textNode(value);
            }
            return enabled ? NODES.objectNode() : null;
        }
        if (List.class.isAssignableFrom(raw)) {
            ArrayNode array = NODES.arrayNode();
            for (String item : value.split(",", -1)) {
                array.add(item.trim());
            }
            return array;
        }
        if (value.isEmpty() && (raw == Boolean.class || raw == boolean.class)) {
            return NODES.textNode("true");
        }
        return NODES.textNode(value);
    }

    private static void placeUnknown(ObjectNode object, List<Segment> rest, String value) {
        ObjectNode node = object;
        for (int i = 0; i < rest.size() - 1; i++) {
            JsonNode child = node.get(rest.get(i).key());
            node = child instanceof ObjectNode o ? o : node.putObject(rest.get(i).key());
        }
        node.put(rest.get(rest.size() - 1).key(), value);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
