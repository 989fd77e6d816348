package io.trafficcop.proxy.middleware.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.impl.BaseJWSProvider;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Set;

/**
 * EdDSA (Ed25519) with the JDK's provider: nimbus-jose-jwt's own Ed25519 support needs Google Tink, which the
 * proxy does not ship. Converts an OKP JWK to a JDK public key and verifies JWS signatures with it.
 */
final class Ed25519Keys {

    /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410), followed by the 32-byte key. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    private Ed25519Keys() {
    }

    /** The JDK public key of an Ed25519 OKP, or null for another curve. */
    static PublicKey toPublicKey(OctetKeyPair jwk) {
        if (!Curve.Ed25519.equals(jwk.getCurve())) {
            return null;
        }
        byte[] raw = jwk.getX().decode();
        byte[] der = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, der, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** An Ed25519 "PUBLIC KEY" PEM block as an OKP JWK, or null when the PEM holds something else. */
    static OctetKeyPair fromPem(String pem) {
        int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
        int end = pem.indexOf("-----END PUBLIC KEY-----");
        if (begin < 0 || end < begin) {
            return null;
        }
        try {
            byte[] der = java.util.Base64.getMimeDecoder().decode(
                    pem.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end));
            if (der.length != X509_PREFIX.length + 32
                    || !java.util.Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
                return null;
            }
            byte[] x = java.util.Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isEd25519(PublicKey key) {
        return "Ed25519".equals(key.getAlgorithm()) || "EdDSA".equals(key.getAlgorithm());
    }

    /** A JWS verifier for EdDSA / Ed25519 over a JDK Ed25519 public key. */
    static final class Verifier extends BaseJWSProvider implements JWSVerifier {
        private final PublicKey key;

        Verifier(PublicKey key) {
            super(ALGORITHMS);
            this.key = key;
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(signingInput);
                return verifier.verify(signature.decode());
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    }
}
