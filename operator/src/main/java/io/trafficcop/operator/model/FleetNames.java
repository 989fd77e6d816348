package io.trafficcop.operator.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Names and labels of the resources owned by a TrafficCop named {@code name}. */
public final class FleetNames {

    public static final String NAME_LABEL = "app.kubernetes.io/name";
    public static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
    public static final String COMPONENT_LABEL = "app.kubernetes.io/component";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY = "trafficcop-operator";
    public static final String PROXY_COMPONENT = "proxy";
    public static final String REDIS_COMPONENT = "redis";

    /** Pod-template annotation carrying the static configuration hash: changing it is what rolls the pods. */
    public static final String STATIC_CONFIG_HASH_ANNOTATION = "trafficcop.io/static-config-hash";
    private FleetNames() {
    }

    public static String proxy(String name) {
        return name;
    }

    public static String staticConfigMap(String name) {
        return name + "-static";
    }

    public static String dynamicConfigMap(String name) {
        return name + "-dynamic";
    }

    public static String redis(String name) {
        return name + "-redis";
    }

    /** Selector labels of a component's pods. */
    public static Map<String, String> selector(String name, String component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME_LABEL, "trafficcop");
        labels.put(INSTANCE_LABEL, name);
        labels.put(COMPONENT_LABEL, component);
        return labels;
    }

    /** Labels of every owned resource: the selector plus managed-by. */
    public static Map<String, String> labels(String name, String component) {
        Map<String, String> labels = selector(name, component);
        labels.put(MANAGED_BY_LABEL, MANAGED_BY);
        return labels;
    }

    /** The name of the UDP port an entry point with {@code http3} also listens on. */
    public static String http3PortName(String entryPoint) {
        String base = portName(entryPoint);
        base = base.length() > 12 ? base.substring(0, 12).replaceAll("-+$", "") : base;
        return base + "-h3";
    }

    /**
     * A valid container/Service port name (IANA_SVC_NAME: at most 15 lowercase alphanumerics or '-', with a
     * letter, not starting or ending with '-') for an entry point name.
     */
    public static String portName(String entryPoint) {
        String s = entryPoint.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                .replaceAll("-+", "-");
        if (s.length() > 15) {
            s = s.substring(0, 15);
        }
        s = s.replaceAll("^-+|-+$", "");
        if (s.isEmpty() || !s.matches(".*[a-z].*")) {
            s = ("ep-" + s).replaceAll("-+$", "");
        }
        return s.length() > 15 ? s.substring(0, 15) : s;
    }
}
