package io.trafficcop.proxy.runtime;

import java.time.Duration;

/**
 * Traefik's {@code entryPoints.<name>.transport.respondingTimeouts}: {@code readTimeout} (whole request, head and
 * body), {@code writeTimeout} (whole response) and {@code idleTimeout} (keep-alive connection without a request).
 * {@link Duration#ZERO} disables a timeout, as in Traefik.
 */
public record RespondingTimeouts(Duration readTimeout, Duration writeTimeout, Duration idleTimeout) {

    /** Traefik's defaults: readTimeout 60s, writeTimeout 0 (none), idleTimeout 180s. */
    public static final RespondingTimeouts DEFAULTS =
            new RespondingTimeouts(Duration.ofSeconds(60), Duration.ZERO, Duration.ofSeconds(180));

    public RespondingTimeouts {
        readTimeout = readTimeout == null ? Duration.ZERO : readTimeout;
        writeTimeout = writeTimeout == null ? Duration.ZERO : writeTimeout;
        idleTimeout = idleTimeout == null ? Duration.ZERO : idleTimeout;
    }
}
