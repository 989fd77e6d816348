package io.trafficcop.proxy.upstream;

import java.util.ArrayList;
import java.util.List;

/** Traefik's {@code minVersion}/{@code maxVersion} names (Go's VersionTLS1x) as JSSE protocol names. */
final class TlsVersions {

    private static final List<String> GO_NAMES = List.of("VersionTLS10", "VersionTLS11", "VersionTLS12", "VersionTLS13");
    private static final List<String> PROTOCOLS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    private TlsVersions() {
    }

    /** The protocols from {@code min} (default TLS 1.2, Go's client default) to {@code max} (default TLS 1.3). */
    static String[] between(String min, String max) {
        int from = index("minVersion", min, 2);
        int to = index("maxVersion", max, 3);
        if (from > to) {
            throw new IllegalArgumentException("minVersion " + min + " is above maxVersion " + max);
        }
        List<String> protocols = new ArrayList<>(PROTOCOLS.subList(from, to + 1));
        return protocols.toArray(String[]::new);
    }

    private static int index(String option, String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        int i = GO_NAMES.indexOf(value);
        if (i < 0) {
            throw new IllegalArgumentException("invalid " + option + " \"" + value + "\": expected one of " + GO_NAMES);
        }
        return i;
    }
}
