package io.trafficcop.operator.model;

import java.time.Duration;

/** The one place defaults of the TrafficCop spec live. */
public final class Defaults {

    /** The proxy image: the operator's own release, overridable with TRAFFICCOP_PROXY_IMAGE. */
    public static final String IMAGE = System.getenv().getOrDefault("TRAFFICCOP_PROXY_IMAGE",
            "ghcr.io/trafficcop/trafficcop:latest");
    public static final int REPLICAS = 2;
    public static final String STATIC_KEY = "traefik.yml";
    public static final String SERVICE_TYPE = "LoadBalancer";
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);
    /** Time for the JVM to exit after the last entry point closed. */
    public static final Duration SHUTDOWN_MARGIN = Duration.ofSeconds(5);
    public static final int AUTOSCALING_MIN = 2;
    public static final int AUTOSCALING_MAX = 10;
    public static final int AUTOSCALING_CPU = 75;
    public static final String REDIS_IMAGE = "redis:7.4-alpine";
    public static final int REDIS_PORT = 6379;
    public static final String REDIS_PASSWORD_KEY = "password";

    public static final String CONFIG_DIR = "/etc/traefik";
    public static final String DYNAMIC_DIR = CONFIG_DIR + "/dynamic";
    public static final String TLS_DIR = CONFIG_DIR + "/tls";
    public static final String PING_PATH = "/ping";

    private Defaults() {
    }
}
