package io.trafficcop.proxy.upstream;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** Traefik's {@code peerCertURI}: the backend's leaf certificate must carry this URI subject alternative name. */
final class PeerCertificates {

    private static final int SAN_URI = 6;

    private PeerCertificates() {
    }

    static void verifyUri(SSLSession session, String uri) throws SSLException {
        if (uri == null) {
            return;
        }
        var chain = session.getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            throw new SSLPeerUnverifiedException("no backend certificate to check peerCertURI against");
        }
        try {
            var names = leaf.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (((Integer) name.get(0)) == SAN_URI && uri.equals(name.get(1))) {
                        return;
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new SSLPeerUnverifiedException("unreadable backend certificate SANs: " + e.getMessage());
        }
        throw new SSLPeerUnverifiedException("backend certificate has no URI SAN " + uri + " (peerCertURI)");
    }
}
