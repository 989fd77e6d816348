package io.trafficcop.proxy.tls;

import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A certificate chain and its private key, as served by TLS termination (Traefik's {@code tls.CertAndStores} entry,
 * a store's {@code defaultCertificate}, an ACME certificate or the generated default).
 *
 * <p>{@link #names()} are the names Traefik indexes the certificate by (its {@code parseCertificate}): the subject
 * common name, then the DNS names and IP addresses of the subject alternative names, lower-cased, without repeating
 * the common name.
 *
 * @param chain leaf first
 */
public record ServedCertificate(PrivateKey key, List<X509Certificate> chain, List<String> names) {

    public ServedCertificate {
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain is empty");
        }
        chain = List.copyOf(chain);
        names = List.copyOf(names);
    }

    public static ServedCertificate of(PrivateKey key, List<X509Certificate> chain) {
        return new ServedCertificate(key, chain, namesOf(chain.getFirst()));
    }

    /**
     * Reads {@code certFile} and {@code keyFile} (each a path or PEM content, Traefik's FileOrContent).
     *
     * @throws IllegalArgumentException naming the certificate when it cannot be read or parsed
     */
    public static ServedCertificate fromPem(String certFile, String keyFile) {
        try {
            List<X509Certificate> chain = Pem.certificates(FileOrContent.read(certFile));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("no certificate found");
            }
            PrivateKey key = Pem.privateKey(FileOrContent.read(keyFile));
            if (!keyFamily(key.getAlgorithm()).equals(keyFamily(chain.getFirst().getPublicKey().getAlgorithm()))) {
                throw new IllegalArgumentException("private key type does not match public key type");
            }
            return of(key, chain);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unable to load certificate " + FileOrContent.describe(certFile)
                    + ": " + e.getMessage(), e);
        }
    }

    /** Providers name EC keys "EC" or "ECDSA". */
    private static String keyFamily(String algorithm) {
        return "ECDSA".equals(algorithm) ? "EC" : algorithm;
    }

    public X509Certificate leaf() {
        return chain.getFirst();
    }

    /** Traefik's certificate key in a store: the sorted names joined by commas. */
    public String storeKey() {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        return String.join(",", sorted);
    }

    static List<String> namesOf(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        String cn = commonName(leaf);
        if (cn != null && !cn.isEmpty()) {
            names.add(cn.toLowerCase(Locale.ROOT));
        }
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            if (sans != null) {
                for (int type : new int[] {2, 7}) { // DNS names, then IP addresses, as Go lists them
                    for (List<?> san : sans) {
                        if (((Integer) san.get(0)) == type) {
                            String value = String.valueOf(san.get(1));
                            if (!value.equals(cn)) {
                                names.add(value.toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("invalid subject alternative names: " + e.getMessage(), e);
        }
        return names;
    }

    /** The subject's CN, or null. */
    public static String commonName(X509Certificate cert) {
        return DistinguishedNames.last(cert.getSubjectX500Principal(), DistinguishedNames.CN);
    }

    /** Traefik's {@code matchDomain}: an exact name, or a wildcard name replacing the first label. */
    public static boolean matches(String serverName, String certName) {
        if (serverName.equals(certName)) {
            return true;
        }
        int end = certName.length();
        while (end > 0 && certName.charAt(end - 1) == '.') {
            end--;
        }
        String trimmed = certName.substring(0, end);
        int dot = serverName.indexOf('.');
        String wildcard = dot < 0 ? "*" : "*" + serverName.substring(dot);
        return trimmed.equals(wildcard);
    }

    /** Whether any of the certificate's names matches {@code serverName}. */
    public boolean matches(String serverName) {
        for (String name : names) {
            if (matches(serverName, name)) {
                return true;
            }
        }
        return false;
    }
}
