package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;

/**
 * Timeouts for incoming requests. Zero means no timeout.
 *
 * <p>Traefik key: {@code entryPoints.<name>.transport.respondingTimeouts}.
 */
public record RespondingTimeouts(
        GoDuration readTimeout,
        GoDuration writeTimeout,
        GoDuration idleTimeout) {

    public static final GoDuration DEFAULT_READ_TIMEOUT = GoDuration.ofSeconds(60);
    public static final GoDuration DEFAULT_WRITE_TIMEOUT = GoDuration.ZERO;
    public static final GoDuration DEFAULT_IDLE_TIMEOUT = GoDuration.ofSeconds(180);

    public RespondingTimeouts {
        if (readTimeout == null) {
            readTimeout = DEFAULT_READ_TIMEOUT;
        }
        if (writeTimeout == null) {
            writeTimeout = DEFAULT_WRITE_TIMEOUT;
        }
        if (idleTimeout == null) {
            idleTimeout = DEFAULT_IDLE_TIMEOUT;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static RespondingTimeouts defaults() {
        return new RespondingTimeouts(null, null, null);
    }
}
