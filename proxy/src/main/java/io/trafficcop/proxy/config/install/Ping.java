package io.trafficcop.proxy.config.install;

/**
 * The health-check endpoint /ping; present (even empty) enables it.
 *
 * <p>Traefik key: {@code ping} (Traefik's {@code ping.Handler}).
 *
 * @param terminatingStatusCode status answered while the process shuts down
 */
public record Ping(
        String entryPoint,
        Boolean manualRouting,
        Integer terminatingStatusCode) {

    public static final String DEFAULT_ENTRY_POINT = "traefik";
    public static final Boolean DEFAULT_MANUAL_ROUTING = Boolean.FALSE;
    public static final Integer DEFAULT_TERMINATING_STATUS_CODE = 503;

    public Ping {
        if (entryPoint == null) {
            entryPoint = DEFAULT_ENTRY_POINT;
        }
        if (manualRouting == null) {
            manualRouting = DEFAULT_MANUAL_ROUTING;
        }
        if (terminatingStatusCode == null) {
            terminatingStatusCode = DEFAULT_TERMINATING_STATUS_CODE;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static Ping defaults() {
        return new Ping(null, null, null);
    }
}
