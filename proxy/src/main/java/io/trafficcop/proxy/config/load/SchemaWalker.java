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
import java.util.function.BiFunction;

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

    /** Each record type's fields as the walk needs them, worked out once per type rather than once per value. */
    private static final ClassValue<Map<String, Field>> FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Field> computeValue(Class<?> type) {
            Map<String, Field> byKey = new LinkedHashMap<>();
            COMPONENTS.get(type).forEach((key, component) -> byKey.put(key,
                    new Field(key, notImplemented(component), Shape.of(component.getGenericType()))));
            return byKey;
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
    private final Map<String, Integer> canonicalLines;

    private SchemaWalker(ConfigDocument document, boolean recordLines) {
        this.document = document;
        // about one canonical line per line read: sized once rather than grown through every power of two
        this.canonicalLines = recordLines ? HashMap.newHashMap(document.lines().size()) : null;
    }

    /** Walks {@code document} against the record type {@code rootType}, rewriting its tree in place. */
    public static Result walk(ConfigDocument document, Class<?> rootType) {
        return walk(document, rootType, true);
    }

    /**
     * Walks {@code document} against the record type {@code rootType}, rewriting its tree in place.
     *
     * @param recordLines whether to record the line of every value by canonical path ({@link Result#lines()});
     *     without, the lines are empty, and problems are still placed on their lines
     */
    public static Result walk(ConfigDocument document, Class<?> rootType, boolean recordLines) {
        SchemaWalker walker = new SchemaWalker(document, recordLines);
        walker.walkRecord(document.root(), rootType, Position.root());
        walker.removals.values().stream().filter(Removal::isListItem).forEach(Removal::apply);
        walker.removals.values().stream().filter(Removal::isListItem).forEach(Removal::compact);
        // the walker's own map, handed over rather than copied: 100,000 entries for 10,000 routers
        return new Result(List.copyOf(walker.errors), List.copyOf(walker.warningsBySchemaPath.values()),
                Set.copyOf(walker.removals.keySet()),
                recordLines ? FrozenMap.adopt(walker.canonicalLines) : Map.of());
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

    /** Finds a field of a record type by key as {@link #findComponent} does. */
    private static Field findField(Class<?> type, String key) {
        Map<String, Field> fields = FIELDS.get(type);
        Field exact = fields.get(key);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Field> entry : fields.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * A record component: its configuration key, whether it is recognized but not implemented, and the shape of
     * its values.
     */
    private record Field(String key, NotImplemented notImplemented, Shape shape) {
    }

    /**
     * A value type as the walk tells it apart: a section (a record), a map, a list or a scalar. Worked out once per
     * record component, so that the walk of 10,000 routers does not ask reflection the same questions 10,000
     * times ({@code Class.isRecord} and {@code getActualTypeArguments} are not cheap in a cold JVM).
     */
    private static final class Shape {
        final Type type;
        final Class<?> raw;
        final boolean section;
        final boolean map;
        final boolean list;
        private volatile Shape element;

        private Shape(Type type) {
            this.type = type;
            this.raw = rawClass(type);
            this.section = isSection(raw);
            this.map = !section && Map.class.isAssignableFrom(raw);
            this.list = !section && !map && List.class.isAssignableFrom(raw);
        }

        static Shape of(Type type) {
            return new Shape(type);
        }

        /** The values of a map, the items of a list (worked out on first use: a record may contain itself). */
        Shape element() {
            Shape shape = element;
            if (shape == null) {
                shape = new Shape(typeArgument(type, map ? 1 : 0));
                element = shape;
            }
            return shape;
        }
    }

    /**
     * Where the walk is: the canonical path, for messages; the path with keys as written, for line numbers (the
     * same string while they do not differ); the path with map keys as {@code <name>}, to report each unimplemented
     * option once; and the outermost collection element enclosing this position, removed on error. The paths are
     * strings only once a problem (or the line map) asks for them: a walk of 10,000 routers that finds nothing wrong
     * builds none of its ~200,000 paths.
     */
    private static final class Position {
        private final Position parent;
        private final String canonicalKey;
        private final String rawKey;
        private final int index;
        private final String schemaSegment;
        private final Position elementAt;
        private final JsonNode container;
        private String path;
        private String rawPath;
        private String schemaPath;
        private Removal removal;

        /**
         * @param container the map or list holding this position's value when that value is itself a removable
         *     element (a router, a service, a list item that is a section...), else null
         */
        private Position(Position parent, String canonicalKey, String rawKey, int index, String schemaSegment,
                JsonNode container) {
            this.parent = parent;
            this.canonicalKey = canonicalKey;
            this.rawKey = rawKey;
            this.index = index;
            this.schemaSegment = schemaSegment;
            this.container = container;
            Position enclosing = parent == null ? null : parent.elementAt;
            this.elementAt = enclosing != null ? enclosing : container != null ? this : null;
        }

        static Position root() {
            Position root = new Position(null, "", "", -1, "", null);
            root.path = "";
            root.rawPath = "";
            root.schemaPath = "";
            return root;
        }

        String path() {
            if (path == null) {
                path = index >= 0 ? parent.path() + "[" + index + "]" : join(parent.path(), canonicalKey);
            }
            return path;
        }

        String rawPath() {
            if (rawPath == null) {
                String base = parent.rawPath();
                // the same string as the canonical path while every key so far is written as the records spell it
                rawPath = base == parent.path() && (index >= 0 || rawKey.equals(canonicalKey)) ? path()
                        : index >= 0 ? base + "[" + index + "]" : join(base, rawKey);
            }
            return rawPath;
        }

        Removal element() {
            if (elementAt == null) {
                return null;
            }
            if (elementAt.removal == null) {
                elementAt.removal = new Removal(elementAt.path(), elementAt.container,
                        elementAt.index >= 0 ? null : elementAt.canonicalKey, elementAt.index);
            }
            return elementAt.removal;
        }

        String schemaPath() {
            if (schemaPath == null) {
                String base = parent.schemaPath();
                schemaPath = schemaSegment.equals("[]") ? base + "[]" : join(base, schemaSegment);
            }
            return schemaPath;
        }

        Position field(String canonicalKey, String rawKey) {
            return new Position(this, canonicalKey, rawKey, -1, canonicalKey, null);
        }

        /** A map entry; {@code map} when the entry is a removable element. */
        Position entry(String key, ObjectNode map) {
            return new Position(this, key, key, -1, "<name>", map);
        }

        /** A list item; {@code list} when the item is a removable element. */
        Position item(int index, ArrayNode list) {
            return new Position(this, null, "", index, "[]", list);
        }

        static String join(String base, String key) {
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

    /** A key of a record's mapping, matched to its field. */
    private record Present(Field field, String rawKey, JsonNode value) {
    }

    private void walkRecord(ObjectNode object, Class<?> type, Position at) {
        if (keysAreCanonical(object, type)) {
            walkCanonicalRecord(object, type, at);
            return;
        }
        List<Present> present = new ArrayList<>(object.size());
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String rawKey = entry.getKey();
            Field field = findField(type, rawKey);
            if (field == null) {
                Position unknown = at.field(rawKey, rawKey);
                error(unknown, "unknown field");
                continue;
            }
            if (isPresent(present, field)) {
                error(at.field(field.key(), rawKey), "defined twice (keys differ only in case)");
                continue;
            }
            present.add(new Present(field, rawKey, entry.getValue()));
        }
        object.removeAll();
        for (Present entry : present) {
            JsonNode value = walkField(entry.field(), entry.rawKey(), entry.value(), at);
            if (value != null) {
                object.set(entry.field().key(), value);
            }
        }
    }

    /** The walked value of one field of a record at {@code recordAt}, or null to drop it. */
    private JsonNode walkField(Field field, String rawKey, JsonNode value, Position recordAt) {
        Position fieldAt = recordAt.field(field.key(), rawKey);
        if (field.notImplemented() != null && !isEmptyValue(value)) {
            warnNotImplemented(fieldAt, field.notImplemented());
        }
        return walkValue(value, field.shape(), fieldAt);
    }

    private static boolean isPresent(List<Present> present, Field field) {
        for (int i = 0; i < present.size(); i++) {
            if (present.get(i).field() == field) {
                return true;
            }
        }
        return false;
    }

    /** Whether every key names a field exactly as the record spells it: the usual case, where nothing is renamed. */
    private static boolean keysAreCanonical(ObjectNode object, Class<?> type) {
        Map<String, Field> fields = FIELDS.get(type);
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!fields.containsKey(entry.getKey())) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #walkRecord} for a mapping whose keys are all canonical: the values are replaced in place, without
     * taking the mapping apart and putting it back together (a new entry per key, for every element of a reload).
     */
    private void walkCanonicalRecord(ObjectNode object, Class<?> type, Position at) {
        Map<String, Field> fields = FIELDS.get(type);
        replaceValues(object, (key, value) -> walkField(fields.get(key), key, value, at));
    }

    /**
     * Replaces each entry's value of {@code object} with what {@code walk} makes of it, in place; null removes the
     * entry. A problem found below an entry is removed after the whole walk ({@link Removal}), not during it.
     */
    private static void replaceValues(ObjectNode object, BiFunction<String, JsonNode, JsonNode> walk) {
        Iterator<Map.Entry<String, JsonNode>> entries = object.properties().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode walked = walk.apply(entry.getKey(), entry.getValue());
            if (walked == null) {
                entries.remove();
            } else if (walked != entry.getValue()) {
                entry.setValue(walked);
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
    private JsonNode walkValue(JsonNode value, Shape shape, Position at) {
        if (canonicalLines != null) {
            int line = document.lineOf(at.rawPath());
            if (line > 0) {
                canonicalLines.put(at.path(), line);
            }
        }
        Class<?> raw = shape.raw;
        if (value.isNull()) {
            // YAML's "key:" with nothing after it: an empty section (present, so enabled), an unset scalar
            if (shape.section) {
                return NODES.objectNode();
            }
            return null;
        }
        if (shape.section) {
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
        if (shape.map) {
            return walkMap(value, shape.element(), at);
        }
        if (shape.list) {
            return walkList(value, shape.element(), at);
        }
        return ScalarCoercion.coerce(value, raw, message -> error(at, message));
    }

    private JsonNode walkMap(JsonNode value, Shape valueShape, Position at) {
        if (!value.isObject()) {
            error(at, "expected a mapping of names to values, got " + describe(value));
            return null;
        }
        ObjectNode object = (ObjectNode) value;
        boolean elementsAreRecords = valueShape.section;
        replaceValues(object, (key, entryValue) ->
                walkValue(entryValue, valueShape, at.entry(key, elementsAreRecords ? object : null)));
        return object;
    }

    private JsonNode walkList(JsonNode value, Shape itemShape, Position at) {
        if (!value.isArray()) {
            error(at, "expected a list, got " + describe(value));
            return null;
        }
        ArrayNode array = (ArrayNode) value;
        boolean elementsAreRecords = itemShape.section;
        for (int i = 0; i < array.size(); i++) {
            JsonNode walked = walkValue(array.get(i), itemShape, at.item(i, elementsAreRecords ? array : null));
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
