package io.trafficcop.proxy.middleware.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import io.trafficcop.proxy.config.dynamic.Jwt;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a jwt middleware's verification keys come from: a shared secret (HMAC), a JWK set file, a PEM public key
 * or a JWKS URL (nimbus' {@link JWKSourceBuilder}: cached, refreshed ahead of expiry and on an unknown key id).
 * Exactly one source must be configured.
 */
final class JwtKeys {

    static final Set<JWSAlgorithm> HMAC = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);
    static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512, JWSAlgorithm.ES256K, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    /** Remote key sources by "url interval"; nimbus caches each set and refetches on expiry or unknown kid. */
    private static final java.util.concurrent.ConcurrentHashMap<String, JWKSource<SecurityContext>> REMOTE_SOURCES =
            new java.util.concurrent.ConcurrentHashMap<>();

    final JWSKeySelector<SecurityContext> selector;
    /** Whether getting keys may block on the network (then verification runs off the event loop). */
    final boolean remote;

    private JwtKeys(JWSKeySelector<SecurityContext> selector, boolean remote) {
        this.selector = selector;
        this.remote = remote;
    }

    static JwtKeys of(Jwt config) {
        List<String> sources = new ArrayList<>();
        if (notEmpty(config.secret())) {
            sources.add("secret");
        }
        if (notEmpty(config.secretFile())) {
            sources.add("secretFile");
        }
        if (notEmpty(config.jwksUrl())) {
            sources.add("jwksUrl");
        }
        if (notEmpty(config.jwksFile())) {
            sources.add("jwksFile");
        }
        if (notEmpty(config.publicKeyFile())) {
            sources.add("publicKeyFile");
        }
        if (sources.size() != 1) {
            throw new IllegalArgumentException("jwt: exactly one of secret, secretFile, jwksUrl, jwksFile, "
                    + "publicKeyFile must be set (found " + (sources.isEmpty() ? "none" : sources) + ")");
        }
        String source = sources.get(0);
        boolean symmetric = source.startsWith("secret");
        Set<JWSAlgorithm> algorithms = algorithms(config.algorithms(), symmetric ? HMAC : ASYMMETRIC);
        JWKSource<SecurityContext> jwks = switch (source) {
            case "secret" -> secret(config.secret().getBytes(StandardCharsets.UTF_8), "jwt.secret");
            case "secretFile" -> secret(read(config.secretFile(), "jwt.secretFile").strip()
                    .getBytes(StandardCharsets.UTF_8), "jwt.secretFile");
            case "jwksFile" -> new ImmutableJWKSet<>(parseJwkSet(read(config.jwksFile(), "jwt.jwksFile"),
                    "jwt.jwksFile"));
            case "publicKeyFile" -> {
                // a PEM key has no key id: it verifies whatever kid a token names (a kid-based match would
                // reject every token that carries one)
                List<JWK> keys = parsePem(read(config.publicKeyFile(), "jwt.publicKeyFile")).getKeys();
                yield (selector, context) -> keys;
            }
            default -> remote(config);
        };
        return new JwtKeys(new EdDsaAwareSelector(algorithms, jwks), "jwksUrl".equals(source));
    }

    private static JWKSource<SecurityContext> secret(byte[] secret, String option) {
        if (secret.length < 32) {
            throw new IllegalArgumentException(option + ": an HMAC secret must be at least 32 bytes (256 bits)");
        }
        return new ImmutableSecret<>(secret);
    }

    private static JWKSource<SecurityContext> remote(Jwt config) {
        URI uri;
        try {
            uri = URI.create(config.jwksUrl());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            long ttl = config.jwksRefreshInterval().toMillis();
            if (ttl <= 0) {
                throw new IllegalArgumentException("jwksRefreshInterval must be positive");
            }
            java.net.URL url = uri.toURL();
            // shared by URL and interval: a reload keeps the cached key set instead of fetching it again
            return REMOTE_SOURCES.computeIfAbsent(config.jwksUrl() + " " + ttl, k -> JWKSourceBuilder.create(url)
                    .cache(ttl, Math.min(ttl, 15_000L))
                    .retrying(true)
                    .build());
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("jwt.jwksUrl: invalid \"" + config.jwksUrl() + "\": "
                    + e.getMessage(), e);
        }
    }

    private static Set<JWSAlgorithm> algorithms(List<String> configured, Set<JWSAlgorithm> supported) {
        if (configured == null || configured.isEmpty()) {
            return supported;
        }
        Set<JWSAlgorithm> result = new LinkedHashSet<>();
        for (String name : configured) {
            JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
            if (!supported.contains(algorithm)) {
                throw new IllegalArgumentException("jwt.algorithms: \"" + name
                        + "\" is not supported with this key source (supported: " + supported + ")");
            }
            result.add(algorithm);
        }
        return result;
    }

    private static JWKSet parseJwkSet(String json, String option) {
        try {
            return JWKSet.parse(json);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(option + ": invalid JWK set: " + e.getMessage(), e);
        }
    }

    private static JWKSet parsePem(String pem) {
        OctetKeyPair ed25519 = Ed25519Keys.fromPem(pem);
        if (ed25519 != null) {
            return new JWKSet(ed25519); // nimbus reads RSA and EC PEM keys, not Ed25519 ones
        }
        try {
            return new JWKSet(JWK.parseFromPEMEncodedObjects(pem));
        } catch (Exception e) {
            throw new IllegalArgumentException("jwt.publicKeyFile: invalid PEM public key or certificate: "
                    + e.getMessage(), e);
        }
    }

    private static String read(String file, String option) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(option + ": cannot read \"" + file + "\": " + e, e);
        }
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    /**
     * nimbus' key selector, plus EdDSA: Ed25519 JWKs are converted with the JDK (nimbus would need Tink).
     */
    private static final class EdDsaAwareSelector implements JWSKeySelector<SecurityContext> {
        private final Set<JWSAlgorithm> algorithms;
        private final JWKSource<SecurityContext> source;
        private final JWSVerificationKeySelector<SecurityContext> standard;

        EdDsaAwareSelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source) {
            this.algorithms = algorithms;
            this.source = source;
            this.standard = new JWSVerificationKeySelector<>(algorithms, source);
        }

        @Override
        public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context)
                throws KeySourceException {
            if (!algorithms.contains(header.getAlgorithm())) {
                return List.of();
            }
            if (!Ed25519Keys.ALGORITHMS.contains(header.getAlgorithm())) {
                return standard.selectJWSKeys(header, context);
            }
            JWKMatcher.Builder builder = new JWKMatcher.Builder().keyType(com.nimbusds.jose.jwk.KeyType.OKP)
                    .keyUses(KeyUse.SIGNATURE, null);
            if (header.getKeyID() != null) {
                builder.keyID(header.getKeyID());
            }
            JWKMatcher matcher = builder.build();
            List<PublicKey> keys = new ArrayList<>();
            for (JWK jwk : source.get(new JWKSelector(matcher), context)) {
                if (jwk instanceof OctetKeyPair okp) {
                    PublicKey key = Ed25519Keys.toPublicKey(okp);
                    if (key != null) {
                        keys.add(key);
                    }
                }
            }
            return keys;
        }
    }
}
