package io.trafficcop.proxy.tls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traefik's names for TLS parameters (Go's {@code crypto/tls} constants: {@code tls.MinVersion}, {@code CipherSuites},
 * {@code CurveIDs}) mapped to the names Netty understands: JDK protocol names, IANA cipher suite names (Netty's
 * OpenSSL engine converts them to OpenSSL names itself) and OpenSSL / JDK named groups.
 */
public final class GoTlsNames {

    /** Go's version names → JDK protocol names, lowest first. */
    public static final Map<String, String> VERSIONS = orderedMap(
            "VersionTLS10", "TLSv1",
            "VersionTLS11", "TLSv1.1",
            "VersionTLS12", "TLSv1.2",
            "VersionTLS13", "TLSv1.3");

    /** TLS 1.3 suites: Go always enables them and ignores them in {@code cipherSuites}. */
    public static final List<String> TLS13_CIPHER_SUITES =
            List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

    /** Every cipher suite name Traefik accepts → its IANA name (null for TLS_FALLBACK_SCSV, a signal only). */
    private static final Map<String, String> CIPHER_SUITES = cipherSuites();

    /** Go curve names → [OpenSSL group, JDK named group]. */
    private static final Map<String, String[]> CURVES = curves();

    private GoTlsNames() {
    }

    /** The JDK protocol name of a Go version name; IllegalArgumentException naming the option when unknown. */
    public static String version(String option, String goName) {
        String v = VERSIONS.get(goName);
        if (v == null) {
            throw new IllegalArgumentException("invalid " + option + " \"" + goName + "\": expected one of "
                    + VERSIONS.keySet());
        }
        return v;
    }

    /** The IANA name of a Go cipher suite name, null for TLS_FALLBACK_SCSV; IllegalArgumentException when unknown. */
    public static String cipherSuite(String goName) {
        if (!CIPHER_SUITES.containsKey(goName)) {
            throw new IllegalArgumentException("invalid CipherSuite: " + goName);
        }
        return CIPHER_SUITES.get(goName);
    }

    /** The OpenSSL group name of a Go curve name; IllegalArgumentException when unknown. */
    public static String opensslGroup(String goName) {
        return curve(goName)[0];
    }

    /** The JDK named group of a Go curve name; IllegalArgumentException when unknown. */
    public static String jdkNamedGroup(String goName) {
        return curve(goName)[1];
    }

    private static String[] curve(String goName) {
        String[] c = CURVES.get(goName);
        if (c == null) {
            throw new IllegalArgumentException("invalid CurveID in curvePreferences: " + goName);
        }
        return c;
    }

    private static Map<String, String> cipherSuites() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String same : List.of(
                "TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA",
                "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_RC4_128_SHA", "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
                "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
                "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256")) {
            m.put(same, same);
        }
        // Go's short aliases of the ChaCha20 suites
        m.put("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        m.put("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
        m.put("TLS_FALLBACK_SCSV", null);
        return m;
    }

    private static Map<String, String[]> curves() {
        Map<String, String[]> m = new LinkedHashMap<>();
        String[][] rows = {
            {"secp256r1", "CurveP256", "P-256", "secp256r1"},
            {"secp384r1", "CurveP384", "P-384", "secp384r1"},
            {"secp521r1", "CurveP521", "P-521", "secp521r1"},
            {"x25519", "X25519", "X25519", "x25519"},
            {"x25519mlkem768", "X25519MLKEM768", "X25519MLKEM768", "X25519MLKEM768"},
            {"secp256r1mlkem768", "SecP256r1MLKEM768", "SecP256r1MLKEM768", "SecP256r1MLKEM768"},
            {"secp384r1mlkem1024", "SecP384r1MLKEM1024", "SecP384r1MLKEM1024", "SecP384r1MLKEM1024"},
        };
        for (String[] r : rows) {
            m.put(r[0], new String[] {r[2], r[3]});
            m.put(r[1], new String[] {r[2], r[3]});
        }
        return m;
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
