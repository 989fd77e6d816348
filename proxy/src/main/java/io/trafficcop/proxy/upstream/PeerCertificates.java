package io.trafficcop.proxy.upstream;

import io.trafficcop.proxy.config.dynamic.San;
import io.trafficcop.proxy.runtime.UpstreamTlsSettings;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Traefik's {@code peerCertSANs} (and the deprecated {@code peerCertURI}): the backend's leaf certificate must carry
 * one of the listed URI or DNS names, and its chain must verify against {@code rootCAs} (the JVM's trust store when
 * none) even when {@code insecureSkipVerify} turned the usual verification off — as Traefik's VerifyPeerCertificate.
 */
final class PeerCertificates {

    private static final int SAN_DNS = 2;
    private static final int SAN_URI = 6;
    private static final String URI = "URI";
    private static final String DNS_NAME = "DNSName";

    private PeerCertificates() {
    }

    /** The SANs to match, peerCertURI last; empty when no check is configured. */
    static List<San> expected(UpstreamTlsSettings tls) {
        List<San> sans = new ArrayList<>(tls.peerCertSANs());
        if (tls.peerCertURI() != null) {
            sans.add(new San(URI, tls.peerCertURI()));
        }
        return sans;
    }

    /** Rejects SAN types Traefik does not know. */
    static void validate(UpstreamTlsSettings tls) {
        for (San san : tls.peerCertSANs()) {
            if (san == null || !(URI.equals(san.type()) || DNS_NAME.equals(san.type()))) {
                throw new IllegalArgumentException("invalid peerCertSANs type \"" + (san == null ? null : san.type())
                        + "\": expected URI or DNSName");
            }
            if (san.value() == null || san.value().isEmpty()) {
                throw new IllegalArgumentException("peerCertSANs: a " + san.type() + " entry needs a value");
            }
        }
    }

    static void verify(SSLSession session, UpstreamTlsSettings tls) throws SSLException {
        List<San> sans = expected(tls);
        if (sans.isEmpty()) {
            return;
        }
        var chain = session.getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            throw new SSLPeerUnverifiedException("no backend certificate to check peerCertSANs against");
        }
        if (tls.insecureSkipVerify()) {
            verifyChain(chain, UpstreamSslContexts.trustAnchors(tls));
        }
        List<?> names;
        try {
            var all = leaf.getSubjectAlternativeNames();
            names = all == null ? List.of() : List.copyOf(all);
        } catch (GeneralSecurityException e) {
            throw new SSLPeerUnverifiedException("unreadable backend certificate SANs: " + e.getMessage());
        }
        for (San san : sans) {
            for (Object entry : names) {
                List<?> name = (List<?>) entry;
                int type = (Integer) name.get(0);
                String value = String.valueOf(name.get(1));
                if (URI.equals(san.type()) && type == SAN_URI && san.value().equalsIgnoreCase(value)) {
                    return;
                }
                if (DNS_NAME.equals(san.type()) && type == SAN_DNS && dnsMatches(value, san.value())) {
                    return;
                }
            }
        }
        throw new SSLPeerUnverifiedException("no matching SAN in backend certificate (peerCertSANs " + sans + ")");
    }

    /** A DNS SAN (possibly a leftmost-label wildcard) covering {@code host}, case-insensitively. */
    static boolean dnsMatches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return p.equals(h);
    }

    private static void verifyChain(java.security.cert.Certificate[] chain, Set<TrustAnchor> anchors)
            throws SSLException {
        try {
            var path = CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(chain));
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
        } catch (GeneralSecurityException e) {
            throw new SSLPeerUnverifiedException("backend certificate chain does not verify: " + e.getMessage());
        }
    }
}
