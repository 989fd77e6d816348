package io.trafficcop.proxy.tls.acme;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.shredzone.acme4j.util.KeyPairUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Key generation and the key encodings of Traefik's acme.json. */
final class AcmeKeys {

    private static final Logger LOG = LoggerFactory.getLogger(AcmeKeys.class);

    private AcmeKeys() {
    }

    /** Traefik's account key: RSA 4096 (its {@code NewAccount}). */
    static KeyPair newAccountKey(int bits) {
        return KeyPairUtils.createKeyPair(bits);
    }

    /** A certificate key of Traefik's {@code keyType}; unknown values fall back on RSA4096 as Traefik's GetKeyType. */
    static KeyPair newCertificateKey(String keyType) {
        return switch (keyType == null ? "" : keyType) {
            case "EC256" -> KeyPairUtils.createECKeyPair("secp256r1");
            case "EC384" -> KeyPairUtils.createECKeyPair("secp384r1");
            case "RSA2048" -> KeyPairUtils.createKeyPair(2048);
            case "RSA8192" -> KeyPairUtils.createKeyPair(8192);
            case "RSA4096", "" -> KeyPairUtils.createKeyPair(4096);
            default -> {
                LOG.info("Unable to determine the key type value \"{}\": falling back on RSA4096.", keyType);
                yield KeyPairUtils.createKeyPair(4096);
            }
        };
    }

    /** Go's {@code x509.MarshalPKCS1PrivateKey}. */
    static byte[] toPkcs1(PrivateKey key) {
        try {
            return PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the account key", e);
        }
    }

    /** Go's {@code x509.ParsePKCS1PrivateKey}, with the public half rebuilt from the modulus. */
    static KeyPair fromPkcs1(byte[] der) {
        try {
            RSAPrivateKey rsa = RSAPrivateKey.getInstance(der);
            KeyFactory f = KeyFactory.getInstance("RSA");
            BigInteger n = rsa.getModulus();
            PrivateKey priv = f.generatePrivate(new RSAPrivateCrtKeySpec(n, rsa.getPublicExponent(),
                    rsa.getPrivateExponent(), rsa.getPrime1(), rsa.getPrime2(), rsa.getExponent1(), rsa.getExponent2(),
                    rsa.getCoefficient()));
            PublicKey pub = f.generatePublic(new RSAPublicKeySpec(n, rsa.getPublicExponent()));
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the ACME account private key: " + e.getMessage(), e);
        }
    }
}
