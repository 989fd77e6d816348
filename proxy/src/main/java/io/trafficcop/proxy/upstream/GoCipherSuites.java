package io.trafficcop.proxy.upstream;

import io.trafficcop.proxy.tls.GoTlsNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Traefik's {@code cipherSuites} names (Go's crypto/tls constants) as IANA/JSSE names, which Netty maps to OpenSSL
 * names itself when BoringSSL is the engine.
 */
final class GoCipherSuites {

    private GoCipherSuites() {
    }

    /** The IANA (JDK and OpenSSL) names of Go cipher suite names, through the names the server side uses. */
    static List<String> toJava(List<String> goNames) {
        List<String> names = new ArrayList<>(goNames.size());
        for (String go : goNames) {
            String name;
            try {
                name = GoTlsNames.cipherSuite(go);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid cipherSuites entry \"" + go + "\": not a Go cipher suite name");
            }
            if (name != null) { // TLS_FALLBACK_SCSV is a signal, not a suite to offer
                names.add(name);
            }
        }
        return names;
    }
}
