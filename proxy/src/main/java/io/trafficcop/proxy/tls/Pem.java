package io.trafficcop.proxy.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM decoding and encoding as Go's {@code tls.X509KeyPair} accepts it: certificates ("CERTIFICATE" blocks, leaf
 * first) and one private key in PKCS#1 ("RSA PRIVATE KEY"), SEC1 ("EC PRIVATE KEY") or PKCS#8 ("PRIVATE KEY").
 */
public final class Pem {

    private static final JcaPEMKeyConverter KEY_CONVERTER = new JcaPEMKeyConverter();

    private Pem() {
    }

    public static List<X509Certificate> certificates(byte[] pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> out = new ArrayList<>();
            for (var c : factory.generateCertificates(new ByteArrayInputStream(pem))) {
                out.add((X509Certificate) c);
            }
            return out;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("invalid PEM certificate: " + e.getMessage(), e);
        }
    }

    public static PrivateKey privateKey(byte[] pem) {
        try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(pem),
                StandardCharsets.US_ASCII))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof PEMKeyPair pair) {
                    return KEY_CONVERTER.getPrivateKey(pair.getPrivateKeyInfo()); // the public part may be absent
                }
                if (o instanceof PrivateKeyInfo info) {
                    return KEY_CONVERTER.getPrivateKey(info);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("invalid PEM private key: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("invalid PEM private key: no private key found");
    }

    /** PEM text of certificates and/or private keys (keys as PKCS#8 "PRIVATE KEY", which Go reads as well). */
    public static String encode(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                if (o instanceof Iterable<?> many) {
                    for (Object each : many) {
                        writer.writeObject(each instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : each);
                    }
                } else {
                    writer.writeObject(o instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : o);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot encode PEM: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
