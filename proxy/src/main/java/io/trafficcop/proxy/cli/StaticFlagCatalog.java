package io.trafficcop.proxy.cli;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.load.SchemaWalker;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every static option as the flag that sets it, derived from the configuration records. */
final class StaticFlagCatalog {

    private StaticFlagCatalog() {
    }

    static List<String> flags(Class<?> root) {
        List<String> flags = new ArrayList<>();
        collect(root, "-", flags, Set.of());
        return flags;
    }

    private static void collect(Class<?> type, String prefix, List<String> flags, Set<Class<?>> seen) {
        if (seen.contains(type)) {
            return;
        }
        Set<Class<?>> path = new java.util.HashSet<>(seen);
        path.add(type);
        for (Map.Entry<String, RecordComponent> entry : SchemaWalker.componentsOf(type).entrySet()) {
            String name = prefix + "-" + entry.getKey();
            if (prefix.equals("-")) {
                name = "--" + entry.getKey();
            } else {
                name = prefix + "." + entry.getKey();
            }
            describe(entry.getValue().getGenericType(), name, flags, path);
        }
    }

    private static void describe(Type type, String name, List<String> flags, Set<Class<?>> seen) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.isRecord() && raw != GoDuration.class) {
            flags.add(name + "  (section: true enables it with its defaults)");
            collect(raw, name, flags, seen);
        } else if (Map.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            Type value = p.getActualTypeArguments()[1];
            Class<?> valueClass = value instanceof Class<?> c ? c : Object.class;
            if (valueClass.isRecord()) {
                collect(valueClass, name + ".<name>", flags, seen);
            } else {
                flags.add(name + ".<name>=<value>");
            }
        } else if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            Type item = p.getActualTypeArguments()[0];
            if (item instanceof Class<?> c && c.isRecord()) {
                collect(c, name + "[n]", flags, seen);
            } else {
                flags.add(name + "=<value>,<value>...");
            }
        } else {
            flags.add(name + "=<" + valueName(raw) + ">");
        }
    }

    private static String valueName(Class<?> raw) {
        if (raw == Boolean.class) {
            return "true|false";
        }
        if (raw == GoDuration.class) {
            return "duration";
        }
        if (Number.class.isAssignableFrom(raw)) {
            return "number";
        }
        return "value";
    }
}
