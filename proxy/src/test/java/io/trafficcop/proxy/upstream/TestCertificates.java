package io.trafficcop.proxy.upstream;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates generated at test time with BouncyCastle (EC P-256): no key is ever committed. */
final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    /** A certificate with its private key, as PEM text for Traefik's FileOrContent options. */
    record Issued(X509Certificate certificate, PrivateKey key) {
        String certPem() {
            return pem("CERTIFICATE", encoded());
        }

        String keyPem() {
            return pem("PRIVATE KEY", key.getEncoded()); // PKCS#8
        }

        private byte[] encoded() {
            try {
                return certificate.getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestCertificates() {
    }

    static Issued authority(String cn) {
        KeyPair pair = keyPair();
        return sign(cn, pair, cn, pair.getPrivate(), true);
    }

    /** A leaf signed by {@code issuer} (itself when null: self-signed) with the given subject alternative names. */
    static Issued leaf(Issued issuer, String cn, GeneralName... sans) {
        KeyPair pair = keyPair();
        String issuerCn = issuer == null ? cn : cnOf(issuer);
        PrivateKey signer = issuer == null ? pair.getPrivate() : issuer.key();
        return sign(cn, pair, issuerCn, signer, false, sans);
    }

    static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    static GeneralName ip(String address) {
        return new GeneralName(GeneralName.iPAddress, address);
    }

    static GeneralName uri(String uri) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, uri);
    }

    private static String cnOf(Issued issued) {
        return issued.certificate().getSubjectX500Principal().getName().substring("CN=".length());
    }

    private static Issued sign(String cn, KeyPair pair, String issuerCn, PrivateKey signer, boolean ca,
            GeneralName... sans) {
        try {
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(1, ChronoUnit.HOURS)),
                    Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name("CN=" + cn), pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (sans.length > 0) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
            }
            var holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer));
            return new Issued(new JcaX509CertificateConverter().getCertificate(holder), pair.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
