package io.trafficcop.proxy.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.LoggerFactory;

/**
 * Traefik's generated default certificate ({@code tls/generate.DefaultCertificate}), served when no certificate
 * matches the SNI and the store has no {@code defaultCertificate}: self-signed RSA 2048, subject CN
 * {@code TRAEFIK DEFAULT CERT}, one DNS name {@code <32 hex>.<32 hex>.traefik.default}, valid one year.
 */
public final class DefaultCertificate {

    /** Traefik's {@code generate.DefaultDomain}. */
    public static final String COMMON_NAME = "TRAEFIK DEFAULT CERT";

    private static final SecureRandom RANDOM = new SecureRandom();

    private DefaultCertificate() {
    }

    /**
     * The process's generated default certificate, waiting for it when it is being generated (Traefik generates one
     * per configuration update; reusing it spares an RSA key generation per reload and keeps the default certificate
     * stable for clients).
     */
    public static ServedCertificate shared() {
        return sharedAsync().join();
    }

    /**
     * The process's generated default certificate, generated on a background thread on the first call. An RSA 2048
     * key generation costs 0.1-1 CPU-second (more while the JIT has not compiled BigInteger): a configuration that
     * never serves a handshake needing it never pays it, and plain HTTP never waits for it.
     */
    public static CompletableFuture<ServedCertificate> sharedAsync() {
        return Shared.CERTIFICATE;
    }

    private static final class Shared {
        static final CompletableFuture<ServedCertificate> CERTIFICATE = new CompletableFuture<>();

        static {
            Thread.ofPlatform().daemon().name("default-certificate").start(() -> {
                try {
                    CERTIFICATE.complete(generate());
                } catch (RuntimeException | Error e) {
                    // handshakes that need it then fail (closed), as they would without a certificate to serve
                    LoggerFactory.getLogger(DefaultCertificate.class).error("cannot generate the default certificate", e);
                    CERTIFICATE.completeExceptionally(e);
                }
            });
        }
    }

    /** A new default certificate. */
    public static ServedCertificate generate() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String hex = HexFormat.of().formatHex(random);
        String domain = hex.substring(0, 32) + "." + hex.substring(32) + ".traefik.default";
        return selfSigned(COMMON_NAME, List.of(domain), Duration.ofDays(365));
    }

    /** A self-signed RSA 2048 server certificate with {@code commonName} and DNS {@code dnsNames}. */
    public static ServedCertificate selfSigned(String commonName, List<String> dnsNames, Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name(new org.bouncycastle.asn1.x500.RDN[] {
                new org.bouncycastle.asn1.x500.RDN(org.bouncycastle.asn1.x500.style.BCStyle.CN,
                        new org.bouncycastle.asn1.DERUTF8String(commonName))});
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(128, RANDOM),
                    Date.from(now), Date.from(now.plus(validity)), subject, pair.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment
                    | KeyUsage.digitalSignature | KeyUsage.keyAgreement | KeyUsage.dataEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            if (!dnsNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
                        .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
            }
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return ServedCertificate.of(pair.getPrivate(), List.of(cert));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot generate the default certificate", e);
        }
    }
}
