package io.trafficcop.proxy.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test certificates generated on the fly with BouncyCastle (no key is ever committed). */
public final class TestPki {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key pair and its certificate (chain: the certificate then its issuers). */
    public record Issued(KeyPair keys, X509Certificate certificate, List<X509Certificate> chain) {

        public String certPem() {
            return Pem.encode(chain);
        }

        public String keyPem() {
            return Pem.encode(keys.getPrivate());
        }

        public ServedCertificate served() {
            return ServedCertificate.of(keys.getPrivate(), chain);
        }

        /** A JDK client context presenting this certificate and trusting {@code trusted}. */
        public SSLContext clientContext(X509Certificate... trusted) throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("me", keys.getPrivate(), new char[0], chain.toArray(X509Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, new char[0]);
            SSLContext ctx = SSLContext.getInstance("TLS");
            // present the certificate whatever CAs the server names, so servers that do not trust it see it too
            var delegate = (javax.net.ssl.X509ExtendedKeyManager) kmf.getKeyManagers()[0];
            var always = new javax.net.ssl.X509ExtendedKeyManager() {
                @Override
                public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
                    return new String[] {"me"};
                }

                @Override
                public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers,
                                                java.net.Socket socket) {
                    return "me";
                }

                @Override
                public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
                                                      javax.net.ssl.SSLEngine engine) {
                    return "me";
                }

                @Override
                public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
                    return null;
                }

                @Override
                public String chooseServerAlias(String keyType, java.security.Principal[] issuers,
                                                java.net.Socket socket) {
                    return null;
                }

                @Override
                public X509Certificate[] getCertificateChain(String alias) {
                    return delegate.getCertificateChain(alias);
                }

                @Override
                public java.security.PrivateKey getPrivateKey(String alias) {
                    return delegate.getPrivateKey(alias);
                }
            };
            ctx.init(new javax.net.ssl.KeyManager[] {always}, trustManagers(trusted), RANDOM);
            return ctx;
        }
    }

    private TestPki() {
    }

    public static Issued ca(String cn) {
        return issue("CN=" + cn, List.of(), null, true);
    }

    public static Issued server(Issued ca, String cn, String... dnsNames) {
        return issue("CN=" + cn, List.of(dnsNames), ca, false);
    }

    public static Issued selfSigned(String subject, String... dnsNames) {
        return issue(subject, List.of(dnsNames), null, false);
    }

    /** A certificate with a full subject DN (e.g. "C=FR, ST=Some-State, O=Cheese, CN=client"). */
    public static Issued client(Issued ca, String subject, String... dnsNames) {
        return issue(subject, List.of(dnsNames), ca, false);
    }

    /** A JDK client context trusting {@code trusted} and presenting no certificate. */
    public static SSLContext trusting(X509Certificate... trusted) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trustManagers(trusted), RANDOM);
        return ctx;
    }

    static javax.net.ssl.TrustManager[] trustManagers(X509Certificate... trusted) throws Exception {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        int i = 0;
        for (X509Certificate c : trusted) {
            ts.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        return tmf.getTrustManagers();
    }

    private static Issued issue(String subject, List<String> dnsNames, Issued issuer, boolean ca) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            KeyPair keys = g.generateKeyPair();
            X500Name subjectName = new X500Name(subject);
            X500Name issuerName = issuer == null ? subjectName
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            Instant now = Instant.now();
            var b = new JcaX509v3CertificateBuilder(issuerName, new BigInteger(64, RANDOM),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                    subjectName, keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            }
            if (!dnsNames.isEmpty()) {
                List<GeneralName> names = new ArrayList<>();
                for (String n : dnsNames) {
                    names.add(isIp(n) ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
                }
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            var signer = new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(issuer == null ? keys.getPrivate() : issuer.keys().getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(b.build(signer));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(cert);
            if (issuer != null) {
                chain.addAll(issuer.chain());
            }
            return new Issued(keys, cert, List.copyOf(chain));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A certificate with exact fields, signed by a throw-away key: subject and issuer DNs in the given RDN order,
     * serial, validity (epoch seconds) and SANs ("dns:", "email:", "ip:", "uri:" prefixes).
     */
    public static X509Certificate custom(String subject, String issuer, BigInteger serial, long notBefore,
                                         long notAfter, String... sans) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            KeyPair keys = g.generateKeyPair();
            var b = new JcaX509v3CertificateBuilder(new X500Name(issuer), serial, new Date(notBefore * 1000),
                    new Date(notAfter * 1000), new X500Name(subject), keys.getPublic());
            if (sans.length > 0) {
                List<GeneralName> names = new ArrayList<>();
                for (String san : sans) {
                    int colon = san.indexOf(':');
                    String v = san.substring(colon + 1);
                    names.add(switch (san.substring(0, colon)) {
                        case "dns" -> new GeneralName(GeneralName.dNSName, v);
                        case "email" -> new GeneralName(GeneralName.rfc822Name, v);
                        case "ip" -> new GeneralName(GeneralName.iPAddress, v);
                        default -> new GeneralName(GeneralName.uniformResourceIdentifier, v);
                    });
                }
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isIp(String n) {
        return n.chars().allMatch(c -> Character.isDigit(c) || c == '.') || n.contains(":");
    }

    static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
