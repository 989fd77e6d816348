package io.trafficcop.proxy.config.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Traefik's static configuration from command-line flags: {@code --entryPoints.web.address=:8081},
 * {@code --api.insecure} (a boolean with no value is true), {@code --api} (enables a section),
 * {@code --entryPoints.web.forwardedHeaders.trustedIPs=10.0.0.0/8,127.0.0.1} (lists are comma-separated),
 * {@code --entryPoints.websecure.http.tls.domains[0].main=example.com}. Names are matched without case.
 */
public final class FlagOptions {

    private FlagOptions() {
    }

    /**
     * Builds the tree for {@code flags}, each {@code --name=value}, {@code --name value} or {@code --name}.
     * Flags that are not configuration options (such as {@code --configFile}) must be removed beforehand.
     */
    public static ConfigDocument toDocument(List<String> flags, Class<?> rootType) {
        OptionTreeBuilder builder = new OptionTreeBuilder(rootType);
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            String body = flag.startsWith("--") ? flag.substring(2) : flag.startsWith("-") ? flag.substring(1) : flag;
            String name;
            String value;
            int equals = body.indexOf('=');
            if (equals >= 0) {
                name = body.substring(0, equals);
                value = body.substring(equals + 1);
            } else {
                name = body;
                boolean nextIsValue = i + 1 < flags.size() && !flags.get(i + 1).startsWith("-")
                        && !isBooleanOrSection(builder, name);
                value = nextIsValue ? flags.get(++i) : "";
            }
            builder.set(segments(name), value);
        }
        return builder.document("flags");
    }

    private static boolean isBooleanOrSection(OptionTreeBuilder builder, String name) {
        List<String> keys = new ArrayList<>();
        for (OptionTreeBuilder.Segment segment : segments(name)) {
            keys.add(segment.key());
            if (segment.index() >= 0) {
                keys.add(Integer.toString(segment.index()));
            }
        }
        java.lang.reflect.Type type = builder.typeAt(keys);
        Class<?> raw = type == null ? Object.class : SchemaWalker.rawClass(type);
        return raw == Boolean.class || raw == boolean.class || SchemaWalker.isSection(raw);
    }

    private static List<OptionTreeBuilder.Segment> segments(String name) {
        List<OptionTreeBuilder.Segment> segments = new ArrayList<>();
        for (String part : name.split("\\.", -1)) {
            segments.add(OptionTreeBuilder.Segment.parse(part));
        }
        return segments;
    }
}
