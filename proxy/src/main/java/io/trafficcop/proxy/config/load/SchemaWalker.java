package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import io.trafficcop.proxy.config.validate.Problem;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a configuration tree against the configuration records, the way Traefik's decoder does: keys
 * match fields case-insensitively, a key no record has is an {@code unknown field}, and values must have
 * the field's type (with Traefik's coercions: {@code "true"} for a boolean, {@code "42"} for a number, Go
 * durations). It rewrites the tree in place into the canonical form Jackson binds — keys spelt as the
 * records spell them, scalars of the right JSON type — and reports every problem, not only the first.
 *
 * <p>A value with a problem is dropped from the tree, so that the rest still binds, and the element of a
 * named collection that holds it (a router, a service, a middleware, an entry point...) is listed in
 * {@link Result#brokenElements()}: the runtime disables it, as Traefik does, while every other element keeps
 * serving, and {@code --validate} can still check the rest of it. An item of a list of sections (a TLS
 * certificate...) with a problem is removed from the list. The errors stay in {@link Result#errors()}.
 */
public final class SchemaWalker {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ClassValue<Map<String, RecordComponent>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, RecordComponent> computeValue(Class<?> type) {
            Map<String, RecordComponent> byName = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                byName.put(keyOf(component), component);
            }
            return byName;
        }
    };

    /** What walking found. */
    public record Result(List<Problem> errors, List<Problem> warnings, Set<String> brokenElements,
            Map<String, Integer> lines) {
    }

    private final ConfigDocument document;
    private final List<Problem> errors = new ArrayList<>();
    private final Map<String, Problem> warningsBySchemaPath = new LinkedHashMap<>();
    private final Map<String, Removal> removals = new LinkedHashMap<>();
    private final Map<String, Integer> canonicalLines = new HashMap<>();

    private SchemaWalker(ConfigDocument document) {
        this.document = document;
    }

    /** Walks {@code document} against the record type {@code rootType}, rewriting its tree in place. */
    public static Result walk(ConfigDocument document, Class<?> rootType) {
        SchemaWalker walker = new SchemaWalker(document);
        walker.walkRecord(document.root(), rootType, new Position("", "", "", null));
        walker.removals.values().stream().filter(Removal::isListItem).forEach(Removal::apply);
        walker.removals.values().stream().filter(Removal::isListItem).forEach(Removal::compact);
        return new Result(List.copyOf(walker.errors), List.copyOf(walker.warningsBySchemaPath.values()),
                Set.copyOf(walker.removals.keySet()), Map.copyOf(walker.canonicalLines));
    }

    /** The key a record component is written as in Traefik's configuration. */
    public static String keyOf(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        if (property == null) {
            property = fieldAnnotation(component);
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static JsonProperty fieldAnnotation(RecordComponent component) {
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName())
                    .getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /** The record components of {@code type} keyed by their configuration key. */
    public static Map<String, RecordComponent> componentsOf(Class<?> type) {
        return COMPONENTS.get(type);
    }

    /** Finds a component by key as Traefik does: exact spelling first, then ignoring case. */
    public static RecordComponent findComponent(Class<?> type, String key) {
        Map<String, RecordComponent> components = COMPONENTS.get(type);
        RecordComponent exact = components.get(key);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, RecordComponent> entry : components.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * Where the walk is.
     *
     * @param path canonical path, for messages
     * @param rawPath path with keys as written, for line numbers
     * @param schemaPath path with map keys as {@code <name>}, to report each unimplemented option once
     * @param element the outermost collection element enclosing this position, removed on error
     */
    private record Position(String path, String rawPath, String schemaPath, Removal element) {

        Position field(String canonicalKey, String rawKey) {
            return new Position(join(path, canonicalKey), join(rawPath, rawKey), join(schemaPath, canonicalKey),
                    element);
        }

        Position entry(String key, Removal removal) {
            return new Position(join(path, key), join(rawPath, key), join(schemaPath, "<name>"),
                    element != null ? element : removal);
        }

        Position item(int index, Removal removal) {
            String suffix = "[" + index + "]";
            return new Position(path + suffix, rawPath + suffix, schemaPath + "[]",
                    element != null ? element : removal);
        }

        private static String join(String base, String key) {
            return base.isEmpty() ? key : base + "." + key;
        }
    }

    /** Removing one element of a collection: a map entry or a list item. */
    private record Removal(String path, JsonNode container, String key, int index) {
        boolean isListItem() {
            return container instanceof ArrayNode;
        }

        void apply() {
            if (container instanceof ObjectNode object) {
                object.remove(key);
            } else if (container instanceof ArrayNode array && index < array.size()) {
                // replaced rather than removed so that the indexes of other removals stay valid
                array.set(index, NODES.nullNode());
            }
        }

        /** Drops the items {@link #apply()} nulled, once every removal has been applied. */
        void compact() {
            if (container instanceof ArrayNode array) {
                for (int i = array.size() - 1; i >= 0; i--) {
                    if (array.get(i).isNull()) {
                        array.remove(i);
                    }
                }
            }
        }
    }

    private void error(Position at, String message) {
        errors.add(new Problem(document.source(), document.lineOf(at.rawPath()), at.path(), message));
        if (at.element() != null) {
            removals.putIfAbsent(at.element().path(), at.element());
        }
    }

    private void warnNotImplemented(Position at, NotImplemented notImplemented) {
        for (String warned : warningsBySchemaPath.keySet()) {
            if (at.schemaPath().startsWith(warned + ".")) {
                return; // the enclosing section already carries the warning
            }
        }
        warningsBySchemaPath.computeIfAbsent(at.schemaPath(), key -> {
            String reason = notImplemented.value().isEmpty() ? "" : " (" + notImplemented.value() + ")";
            return new Problem(document.source(), document.lineOf(at.rawPath()), at.path(),
                    "recognized but not implemented by TrafficCop yet" + reason + ": it has no effect");
        });
    }

    private void walkRecord(ObjectNode object, Class<?> type, Position at) {
        Map<String, JsonNode> renamed = new LinkedHashMap<>();
        Map<String, String> rawKeys = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String rawKey = field.getKey();
            RecordComponent component = findComponent(type, rawKey);
            if (component == null) {
                Position unknown = at.field(rawKey, rawKey);
                error(unknown, "unknown field");
                continue;
            }
            String key = keyOf(component);
            if (renamed.containsKey(key)) {
                error(at.field(key, rawKey), "defined twice (keys differ only in case)");
                continue;
            }
            rawKeys.put(key, rawKey);
            renamed.put(key, field.getValue());
        }
        object.removeAll();
        for (Map.Entry<String, JsonNode> field : renamed.entrySet()) {
            String key = field.getKey();
            RecordComponent component = componentsOf(type).get(key);
            Position fieldAt = at.field(key, rawKeys.get(key));
            NotImplemented notImplemented = notImplemented(component);
            if (notImplemented != null && !isEmptyValue(field.getValue())) {
                warnNotImplemented(fieldAt, notImplemented);
            }
            JsonNode value = walkValue(field.getValue(), component.getGenericType(), fieldAt);
            if (value != null) {
                object.set(key, value);
            }
        }
    }

    private static boolean isEmptyValue(JsonNode value) {
        return value.isNull() || (value.isBoolean() && !value.booleanValue());
    }

    private static NotImplemented notImplemented(RecordComponent component) {
        NotImplemented onComponent = component.getAnnotation(NotImplemented.class);
        if (onComponent != null) {
            return onComponent;
        }
        Class<?> raw = rawClass(component.getGenericType());
        if (isSection(raw)) {
            return raw.getAnnotation(NotImplemented.class);
        }
        return null;
    }

    /** Returns the canonical node for {@code value}, or null to drop the key. */
    private JsonNode walkValue(JsonNode value, Type type, Position at) {
        int line = document.lineOf(at.rawPath());
        if (line > 0) {
            canonicalLines.put(at.path(), line);
        }
        Class<?> raw = rawClass(type);
        if (value.isNull()) {
            // YAML's "key:" with nothing after it: an empty section (present, so enabled), an unset scalar
            if (isSection(raw)) {
                return NODES.objectNode();
            }
            return null;
        }
        if (isSection(raw)) {
            if (value.isBoolean() && acceptsBoolean(raw)) {
                // Traefik's "allowEmpty" sections: true enables the section with its defaults, false omits it
                return value.booleanValue() ? NODES.objectNode() : null;
            }
            if (!value.isObject()) {
                error(at, "expected a section of options, got " + describe(value));
                return null;
            }
            walkRecord((ObjectNode) value, raw, at);
            return value;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return walkMap(value, typeArgument(type, 1), at);
        }
        if (List.class.isAssignableFrom(raw)) {
            return walkList(value, typeArgument(type, 0), at);
        }
        return ScalarCoercion.coerce(value, raw, message -> error(at, message));
    }

    private JsonNode walkMap(JsonNode value, Type valueType, Position at) {
        if (!value.isObject()) {
            error(at, "expected a mapping of names to values, got " + describe(value));
            return null;
        }
        ObjectNode object = (ObjectNode) value;
        boolean elementsAreRecords = isSection(rawClass(valueType));
        for (String key : List.copyOf(object.properties().stream().map(Map.Entry::getKey).toList())) {
            Removal removal = elementsAreRecords ? new Removal(at.entry(key, null).path(), object, key, -1) : null;
            Position entryAt = at.entry(key, removal);
            JsonNode walked = walkValue(object.get(key), valueType, entryAt);
            if (walked == null) {
                object.remove(key);
            } else {
                object.set(key, walked);
            }
        }
        return object;
    }

    private JsonNode walkList(JsonNode value, Type elementType, Position at) {
        if (!value.isArray()) {
            error(at, "expected a list, got " + describe(value));
            return null;
        }
        ArrayNode array = (ArrayNode) value;
        boolean elementsAreRecords = isSection(rawClass(elementType));
        for (int i = 0; i < array.size(); i++) {
            Removal removal = elementsAreRecords ? new Removal(at.item(i, null).path(), array, null, i) : null;
            JsonNode walked = walkValue(array.get(i), elementType, at.item(i, removal));
            array.set(i, walked == null ? NODES.nullNode() : walked);
        }
        return array;
    }

    static String describe(JsonNode value) {
        if (value.isObject()) {
            return "a section";
        }
        if (value.isArray()) {
            return "a list";
        }
        return "\"" + value.asText() + "\"";
    }

    /** Whether values of {@code type} are sections of options (records), rather than scalars such as durations. */
    static boolean isSection(Class<?> type) {
        return type.isRecord() && type != GoDuration.class;
    }

    /** Sections Traefik lets a boolean stand for (its "allowEmpty" ones): the records say so with fromBoolean. */
    static boolean acceptsBoolean(Class<?> section) {
        try {
            section.getMethod("fromBoolean", boolean.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
