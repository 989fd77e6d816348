package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code http.serversTransports.<name>} ({@code dynamic.ServersTransport}).
 *
 * <ul>
 *   <li>{@code rootCAs}: paths or PEM contents</li>
 *   <li>{@code maxIdleConnsPerHost}: null or 0 means Go's {@code http.DefaultMaxIdleConnsPerHost} (2), negative disables connection reuse; the 200 of Traefik's default transport comes from the static {@code serversTransport}, not from here</li>
 * </ul>
 */
public record ServersTransport(
        String serverName,
        Boolean insecureSkipVerify,
        List<String> rootCAs,
        List<Certificate> certificates,
        List<String> cipherSuites,
        String minVersion,
        String maxVersion,
        Integer maxIdleConnsPerHost,
        ForwardingTimeouts forwardingTimeouts,
        Boolean disableHTTP2,
        String peerCertURI,
        List<San> peerCertSANs,
        @NotImplemented("SPIFFE not implemented yet") Spiffe spiffe) {

    public static final Integer DEFAULT_MAX_IDLE_CONNS_PER_HOST = 2;
    public static final ForwardingTimeouts DEFAULT_FORWARDING_TIMEOUTS = new ForwardingTimeouts(null, null, null, null, null);

    public ServersTransport {
        maxIdleConnsPerHost = maxIdleConnsPerHost != null ? maxIdleConnsPerHost : DEFAULT_MAX_IDLE_CONNS_PER_HOST;
        forwardingTimeouts = forwardingTimeouts != null ? forwardingTimeouts : DEFAULT_FORWARDING_TIMEOUTS;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        rootCAs = rootCAs == null ? null : Collections.unmodifiableList(new ArrayList<>(rootCAs));
        certificates = certificates == null ? null : Collections.unmodifiableList(new ArrayList<>(certificates));
        cipherSuites = cipherSuites == null ? null : Collections.unmodifiableList(new ArrayList<>(cipherSuites));
        peerCertSANs = peerCertSANs == null ? null : Collections.unmodifiableList(new ArrayList<>(peerCertSANs));
    }
}
