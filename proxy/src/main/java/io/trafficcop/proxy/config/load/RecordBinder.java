package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a canonical configuration tree ({@link SchemaWalker} has checked and rewritten it: keys spelt as the records
 * spell them, scalars of the field's JSON type) to the configuration records, through their canonical constructors.
 *
 * <p>It replaces Jackson's data binding for this one job because of what that costs at start-up and on each reload:
 * Jackson builds and resolves a deserializer for every record type reachable from the root (about 150 for the static
 * configuration, most of them providers that are not configured), loads ~500 classes to do it, and binds through a
 * token stream made from the tree. This walks only the values present, asking reflection once per record type.
 * What Jackson did for these records, it does too: a missing value is null (a primitive's zero), a scalar given for a
 * type with a delegating {@code @JsonCreator} goes through it, maps keep their order, untyped values become plain Java
 * maps, lists and scalars, and unknown keys are ignored.
 */
final class RecordBinder {

    /** How to build each record type: its canonical constructor and components, worked out once per type. */
    private static final ClassValue<RecordShape> RECORDS = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return RecordShape.of(type);
        }
    };

    /** Each type's delegating {@code @JsonCreator} (a section a boolean may stand for, a duration), or none. */
    private static final ClassValue<Method> DELEGATING_CREATORS = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (Method method : type.getDeclaredMethods()) {
                JsonCreator creator = method.getAnnotation(JsonCreator.class);
                if (creator != null && creator.mode() == JsonCreator.Mode.DELEGATING
                        && Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 1) {
                    method.setAccessible(true);
                    return method;
                }
            }
            return null;
        }
    };

    private RecordBinder() {
    }

    static <T> T bind(JsonNode tree, Class<T> type) {
        return type.cast(value(tree, type));
    }

    private static Object value(JsonNode node, Type type) {
        Class<?> raw = SchemaWalker.rawClass(type);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return zero(raw);
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            return node.deepCopy(); // the record owns its copy: the provider's tree is merged and walked again
        }
        if (raw == Object.class) {
            return untyped(node);
        }
        if (raw.isRecord() && node.isObject()) {
            return record(node, raw);
        }
        Method creator = DELEGATING_CREATORS.get(raw);
        if (creator != null) {
            return invoke(creator, value(node, creator.getGenericParameterTypes()[0]));
        }
        if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
            return collection(node, raw, SchemaWalker.typeArgument(type, 0));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return map(node, SchemaWalker.typeArgument(type, 1));
        }
        return scalar(node, raw);
    }

    private static Object record(JsonNode node, Class<?> type) {
        RecordShape shape = RECORDS.get(type);
        // the keys present, looked up among the components, rather than each component among the keys: a record has
        // up to ~20 components and a configuration sets a few of them
        Object[] arguments = shape.absent.clone();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            Integer component = shape.components.get(entry.getKey());
            if (component != null) {
                arguments[component] = value(entry.getValue(), shape.types[component]);
            }
        }
        try {
            return shape.constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(type.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object collection(JsonNode node, Class<?> raw, Type itemType) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("expected a list, got " + node.getNodeType());
        }
        List<Object> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            items.add(value(item, itemType));
        }
        return Set.class.isAssignableFrom(raw) ? new HashSet<>(items) : items;
    }

    private static Map<String, Object> map(JsonNode node, Type valueType) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a mapping, got " + node.getNodeType());
        }
        Map<String, Object> map = LinkedHashMap.newLinkedHashMap(node.size());
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            map.put(entry.getKey(), value(entry.getValue(), valueType));
        }
        return map;
    }

    /** A value of no declared type (plugin settings): maps, lists and scalars, as Jackson's untyped binding gives. */
    private static Object untyped(JsonNode node) {
        if (node.isObject()) {
            return map(node, Object.class);
        }
        if (node.isArray()) {
            return collection(node, List.class, Object.class);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return node.asText();
    }

    private static Object scalar(JsonNode node, Class<?> type) {
        if (type == String.class) {
            return node.isTextual() ? node.textValue() : node.asText();
        }
        if (type == boolean.class || type == Boolean.class) {
            return node.isBoolean() ? node.booleanValue() : Boolean.parseBoolean(node.asText());
        }
        if (type == int.class || type == Integer.class) {
            return node.isNumber() ? node.intValue() : Integer.parseInt(node.asText().trim());
        }
        if (type == long.class || type == Long.class) {
            return node.isNumber() ? node.longValue() : Long.parseLong(node.asText().trim());
        }
        if (type == double.class || type == Double.class) {
            return node.isNumber() ? node.doubleValue() : Double.parseDouble(node.asText().trim());
        }
        if (type == float.class || type == Float.class) {
            return node.isNumber() ? node.floatValue() : Float.parseFloat(node.asText().trim());
        }
        if (type.isEnum()) {
            return enumConstant(type, node.asText());
        }
        throw new IllegalStateException("no binding for " + type.getName() + " from " + node.getNodeType());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type.asSubclass(Enum.class), name);
    }

    private static Object zero(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        throw new IllegalStateException("no zero for " + type);
    }

    private static Object invoke(Method creator, Object argument) {
        try {
            return creator.invoke(null, argument);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + creator, e);
        }
    }

    /**
     * A record's canonical constructor; each component's index by configuration key, and its type and value when the
     * key is absent, in order.
     */
    private record RecordShape(Constructor<?> constructor, Map<String, Integer> components, Type[] types,
                               Object[] absent) {

        static RecordShape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] parameterTypes = new Class<?>[components.length];
            Map<String, Integer> indexes = HashMap.newHashMap(components.length);
            Type[] types = new Type[components.length];
            Object[] absent = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                parameterTypes[i] = components[i].getType();
                indexes.put(SchemaWalker.keyOf(components[i]), i);
                types[i] = components[i].getGenericType();
                absent[i] = zero(parameterTypes[i]);
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
                constructor.setAccessible(true);
                return new RecordShape(constructor, Map.copyOf(indexes), types, absent);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
            }
        }
    }
}
