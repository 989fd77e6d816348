package io.trafficcop.proxy.runtime;

import io.trafficcop.proxy.config.dynamic.Certificate;
import io.trafficcop.proxy.config.dynamic.San;
import java.util.List;

/**
 * The TLS half of Traefik's {@code http.serversTransports.<name>} (and of the static {@code serversTransport}), used
 * for {@code https://} server URLs. A record, so equal settings share one cached client SslContext across reloads.
 *
 * @param serverName         {@code serverName}: SNI and the name the backend certificate is verified against
 *                           (null: the server URL's host)
 * @param insecureSkipVerify {@code insecureSkipVerify}: no certificate chain or host name verification
 * @param rootCAs            {@code rootCAs}: PEM files or inline PEM contents (Traefik's FileOrContent); empty: the
 *                           JVM's trust store
 * @param certificates       {@code certificates}: client certificate and key (files or PEM contents) for mTLS
 * @param cipherSuites       {@code cipherSuites}: Go cipher suite names (empty: the engine's defaults)
 * @param minVersion         {@code minVersion}: VersionTLS10..VersionTLS13 (null: TLS 1.2, as Go's client)
 * @param maxVersion         {@code maxVersion}: VersionTLS10..VersionTLS13 (null: TLS 1.3)
 * @param peerCertURI        {@code peerCertURI} (deprecated by Traefik): a URI SAN the backend certificate may carry
 * @param peerCertSANs       {@code peerCertSANs}: the backend certificate must match one of these (or peerCertURI),
 *                           and its chain is verified against rootCAs even with insecureSkipVerify
 */
public record UpstreamTlsSettings(
        String serverName,
        boolean insecureSkipVerify,
        List<String> rootCAs,
        List<Certificate> certificates,
        List<String> cipherSuites,
        String minVersion,
        String maxVersion,
        String peerCertURI,
        List<San> peerCertSANs) {

    /** Verify against the JVM's trust store, default versions and suites. */
    public static final UpstreamTlsSettings DEFAULTS = new UpstreamTlsSettings(null, false, List.of(), List.of(),
            List.of(), null, null, null, null);

    /** Without {@code peerCertSANs}. */
    public UpstreamTlsSettings(String serverName, boolean insecureSkipVerify, List<String> rootCAs,
            List<Certificate> certificates, List<String> cipherSuites, String minVersion, String maxVersion,
            String peerCertURI) {
        this(serverName, insecureSkipVerify, rootCAs, certificates, cipherSuites, minVersion, maxVersion, peerCertURI,
                null);
    }

    public UpstreamTlsSettings {
        serverName = serverName == null || serverName.isEmpty() ? null : serverName;
        rootCAs = rootCAs == null ? List.of() : List.copyOf(rootCAs);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        cipherSuites = cipherSuites == null ? List.of() : List.copyOf(cipherSuites);
        minVersion = minVersion == null || minVersion.isEmpty() ? null : minVersion;
        maxVersion = maxVersion == null || maxVersion.isEmpty() ? null : maxVersion;
        peerCertURI = peerCertURI == null || peerCertURI.isEmpty() ? null : peerCertURI;
        peerCertSANs = peerCertSANs == null ? List.of() : List.copyOf(peerCertSANs);
    }
}
