package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * The default transport between TrafficCop and HTTP backend servers.
 *
 * <p>Traefik key: {@code serversTransport}.
 *
 * @param maxIdleConnsPerHost zero uses the default, negative disables connection reuse
 */
public record ServersTransport(
        Boolean insecureSkipVerify,
        List<String> rootCAs,
        Integer maxIdleConnsPerHost,
        ForwardingTimeouts forwardingTimeouts,
        @NotImplemented("SPIFFE is not implemented yet") Spiffe spiffe) {

    public static final Boolean DEFAULT_INSECURE_SKIP_VERIFY = Boolean.FALSE;
    public static final Integer DEFAULT_MAX_IDLE_CONNS_PER_HOST = 200;
    public static final ForwardingTimeouts DEFAULT_FORWARDING_TIMEOUTS = ForwardingTimeouts.defaults();

    public ServersTransport {
        if (insecureSkipVerify == null) {
            insecureSkipVerify = DEFAULT_INSECURE_SKIP_VERIFY;
        }
        if (maxIdleConnsPerHost == null) {
            maxIdleConnsPerHost = DEFAULT_MAX_IDLE_CONNS_PER_HOST;
        }
        if (forwardingTimeouts == null) {
            forwardingTimeouts = DEFAULT_FORWARDING_TIMEOUTS;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static ServersTransport defaults() {
        return new ServersTransport(null, null, null, null, null);
    }
}
