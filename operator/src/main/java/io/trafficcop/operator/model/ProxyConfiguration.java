package io.trafficcop.operator.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One Traefik configuration as the pods see it: the static file ({@code --configFile}) and the dynamic files of
 * the file provider's directory. Its two hashes drive the rollout: {@link #staticHash()} is the pod-template
 * annotation (a change restarts pods, static configuration is read once at start), {@link #hash()} covers
 * everything in force (dynamic changes reach running pods through the mounted ConfigMap and the file provider's
 * watch, without a restart).
 *
 * @param staticFileName the static file's name (traefik.yml, traefik.yaml or traefik.toml)
 * @param staticContent its text
 * @param dynamicFiles dynamic file name → text, sorted by name
 */
public record ProxyConfiguration(String staticFileName, String staticContent, SortedMap<String, String> dynamicFiles) {

    public ProxyConfiguration {
        dynamicFiles = Collections.unmodifiableSortedMap(new TreeMap<>(dynamicFiles));
    }

    public static ProxyConfiguration of(String staticFileName, String staticContent, Map<String, String> dynamic) {
        return new ProxyConfiguration(staticFileName, staticContent, new TreeMap<>(dynamic));
    }

    /** Hash of the static configuration (name and content): what the pods were started with. */
    public String staticHash() {
        MessageDigest digest = sha256();
        update(digest, staticFileName);
        update(digest, staticContent);
        return shortHex(digest);
    }

    /** Hash of the whole configuration, static and dynamic. */
    public String hash() {
        MessageDigest digest = sha256();
        update(digest, staticFileName);
        update(digest, staticContent);
        dynamicFiles.forEach((name, content) -> {
            update(digest, name);
            update(digest, content);
        });
        return shortHex(digest);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Length-prefixed so that ("ab","c") and ("a","bc") hash differently. */
    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static String shortHex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }
}
