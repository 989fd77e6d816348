package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import java.util.List;

/**
 * Which requests are written to the access log.
 *
 * <p>Traefik key: {@code accessLog.filters} (Traefik's {@code types.AccessLogFilters}).
 *
 * @param statusCodes status codes or ranges such as 500-599
 */
public record AccessLogFilters(
        List<String> statusCodes,
        Boolean retryAttempts,
        GoDuration minDuration) {

    /** This section as Traefik fills it when it is present but empty. */
    public static AccessLogFilters defaults() {
        return new AccessLogFilters(null, null, null);
    }
}
