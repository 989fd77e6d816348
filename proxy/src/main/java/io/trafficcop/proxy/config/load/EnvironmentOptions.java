package io.trafficcop.proxy.config.load;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Traefik's static configuration from environment variables: {@code TRAEFIK_ENTRYPOINTS_WEB_ADDRESS=:80},
 * {@code TRAEFIK_API_INSECURE=true}, {@code TRAEFIK_API=true}, list items as {@code _0_}. Segments are
 * separated by underscores and matched to options without case; a name of a named collection (entry
 * point, resolver...) is lower-cased as Traefik does and may itself hold underscores when what follows
 * identifies the option unambiguously.
 */
public final class EnvironmentOptions {

    /** Traefik's prefix for its environment variables. */
    public static final String PREFIX = "TRAEFIK_";

    private EnvironmentOptions() {
    }

    /** Whether the environment holds any Traefik option. */
    public static boolean present(Map<String, String> environment) {
        return environment.keySet().stream().anyMatch(name -> name.startsWith(PREFIX) && name.length() > PREFIX.length());
    }

    public static ConfigDocument toDocument(Map<String, String> environment, Class<?> rootType) {
        OptionTreeBuilder builder = new OptionTreeBuilder(rootType);
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (!name.startsWith(PREFIX) || name.length() == PREFIX.length()) {
                continue;
            }
            List<String> parts = Arrays.asList(name.substring(PREFIX.length()).split("_", -1));
            builder.set(resolve(builder, parts), variable.getValue());
        }
        return builder.document("environment");
    }

    /** Groups underscore-separated parts into option segments, guided by the records. */
    private static List<OptionTreeBuilder.Segment> resolve(OptionTreeBuilder builder, List<String> parts) {
        List<OptionTreeBuilder.Segment> segments = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int i = 0;
        while (i < parts.size()) {
            Type type = builder.typeAt(keys);
            Class<?> raw = type == null ? Object.class : SchemaWalker.rawClass(type);
            if (Map.class.isAssignableFrom(raw)) {
                int end = nameEnd(builder, keys, parts, i);
                String key = OptionTreeBuilder.lower(String.join("_", parts.subList(i, end)));
                segments.add(new OptionTreeBuilder.Segment(key, -1));
                keys.add(key);
                i = end;
                continue;
            }
            String part = parts.get(i);
            Type next = builder.typeAt(append(keys, part));
            boolean isList = next != null && List.class.isAssignableFrom(SchemaWalker.rawClass(next));
            if (isList && i + 1 < parts.size() && OptionTreeBuilder.isIndex(parts.get(i + 1))) {
                int index = Integer.parseInt(parts.get(i + 1));
                segments.add(new OptionTreeBuilder.Segment(part, index));
                keys.add(part);
                keys.add(parts.get(i + 1));
                i += 2;
                continue;
            }
            segments.add(new OptionTreeBuilder.Segment(part, -1));
            keys.add(part);
            i++;
        }
        return segments;
    }

    /** The end (exclusive) of a collection name starting at {@code start}: the shortest that leaves a known option. */
    private static int nameEnd(OptionTreeBuilder builder, List<String> keys, List<String> parts, int start) {
        for (int end = start + 1; end < parts.size(); end++) {
            List<String> candidate = append(keys, String.join("_", parts.subList(start, end)));
            candidate.add(parts.get(end));
            if (builder.typeAt(candidate) != null) {
                return end;
            }
        }
        return parts.size() - start > 1 ? start + 1 : parts.size();
    }

    private static List<String> append(List<String> keys, String key) {
        List<String> copy = new ArrayList<>(keys);
        copy.add(key);
        return copy;
    }
}
