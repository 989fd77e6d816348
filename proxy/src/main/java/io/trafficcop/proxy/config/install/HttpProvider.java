package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.Map;

/**
 * HTTP provider (polls an endpoint for dynamic configuration); present enables it.
 *
 * <p>Traefik key: {@code providers.http} (Traefik's {@code http.Provider}).
 *
 * @param maxResponseBodySize -1 means no limit
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record HttpProvider(
        String endpoint,
        GoDuration pollInterval,
        GoDuration pollTimeout,
        Map<String, String> headers,
        ClientTLS tls,
        Long maxResponseBodySize) {

    public static final GoDuration DEFAULT_POLL_INTERVAL = GoDuration.ofSeconds(5);
    public static final GoDuration DEFAULT_POLL_TIMEOUT = GoDuration.ofSeconds(5);
    public static final Long DEFAULT_MAX_RESPONSE_BODY_SIZE = -1L;

    public HttpProvider {
        if (pollInterval == null) {
            pollInterval = DEFAULT_POLL_INTERVAL;
        }
        if (pollTimeout == null) {
            pollTimeout = DEFAULT_POLL_TIMEOUT;
        }
        if (maxResponseBodySize == null) {
            maxResponseBodySize = DEFAULT_MAX_RESPONSE_BODY_SIZE;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static HttpProvider defaults() {
        return new HttpProvider(null, null, null, null, null, null);
    }
}
