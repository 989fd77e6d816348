package io.trafficcop.proxy.tls;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The certificates answering ACME TLS-ALPN-01 validations (Traefik's {@code acme-tls/1} store): while a challenge
 * for a domain is pending, a handshake offering ALPN {@code acme-tls/1} with that SNI gets this certificate. Shared
 * by every snapshot (challenges outlive reloads); thread-safe.
 */
public final class TlsAlpnChallengeCertificates {

    /** The ALPN protocol of TLS-ALPN-01 (RFC 8737). */
    public static final String ACME_TLS_1 = "acme-tls/1";

    private final Map<String, ServedCertificate> byDomain = new ConcurrentHashMap<>();

    public void put(String domain, ServedCertificate certificate) {
        byDomain.put(domain.toLowerCase(Locale.ROOT), certificate);
    }

    public void remove(String domain) {
        byDomain.remove(domain.toLowerCase(Locale.ROOT));
    }

    public ServedCertificate get(String serverName) {
        return byDomain.get(serverName.toLowerCase(Locale.ROOT));
    }
}
