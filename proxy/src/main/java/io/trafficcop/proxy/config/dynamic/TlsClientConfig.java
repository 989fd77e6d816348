package io.trafficcop.proxy.config.dynamic;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Traefik's {@code tcp.serversTransports.<name>.tls} ({@code dynamic.TLSClientConfig}).
 */
@NotImplemented("TCP routing not implemented yet")
public record TlsClientConfig(
        String serverName,
        Boolean insecureSkipVerify,
        List<String> rootCAs,
        List<Certificate> certificates,
        String peerCertURI,
        List<San> peerCertSANs,
        Spiffe spiffe) {

    public TlsClientConfig {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        rootCAs = rootCAs == null ? null : Collections.unmodifiableList(new ArrayList<>(rootCAs));
        certificates = certificates == null ? null : Collections.unmodifiableList(new ArrayList<>(certificates));
        peerCertSANs = peerCertSANs == null ? null : Collections.unmodifiableList(new ArrayList<>(peerCertSANs));
    }

    /**
     * Traefik's file provider also takes a boolean for this section ({@code allowEmpty}): {@code true} is an
     * empty section (enabled, all defaults), {@code false} an absent one.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TlsClientConfig fromBoolean(boolean enabled) {
        return enabled ? new TlsClientConfig(null, null, null, null, null, null, null) : null;
    }
}
