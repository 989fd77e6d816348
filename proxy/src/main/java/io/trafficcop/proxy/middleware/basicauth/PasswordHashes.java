package io.trafficcop.proxy.middleware.basicauth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.Md5Crypt;

/**
 * The htpasswd hashes basicAuth accepts, as go-http-auth's {@code CheckSecret}: {@code {SHA}} (base64 SHA-1),
 * bcrypt ({@code $2a$}, {@code $2b$}, {@code $2x$}, {@code $2y$}) and, for everything else, MD5-crypt with the
 * secret's own magic ({@code $apr1$} for Apache's variant, {@code $1$}). A plain-text secret never matches.
 */
final class PasswordHashes {

    private PasswordHashes() {
    }

    /** Whether checking this secret is slow enough (bcrypt) to be kept off the event loop. */
    static boolean isExpensive(String secret) {
        return isBcrypt(secret);
    }

    static boolean matches(String password, String secret) {
        byte[] passwordBytes = password.getBytes(StandardCharsets.UTF_8);
        if (secret.startsWith("{SHA}")) {
            String expected = Base64.getEncoder().encodeToString(DigestUtils.sha1(passwordBytes));
            return constantTimeEquals(secret.substring(5), expected);
        }
        if (isBcrypt(secret)) {
            try {
                return BCrypt.verifyer().verify(passwordBytes, secret.getBytes(StandardCharsets.UTF_8)).verified;
            } catch (RuntimeException e) {
                return false; // malformed hash or an over-long password: no match, as Go's error
            }
        }
        return md5CryptMatches(passwordBytes, secret);
    }

    private static boolean md5CryptMatches(byte[] password, String secret) {
        // go-http-auth: SplitN(secret, "$", 4) must give 4 parts; the magic is "$" + parts[1] + "$"
        String[] parts = secret.split("\\$", 4);
        if (parts.length != 4 || !parts[0].isEmpty()) {
            return false;
        }
        try {
            String computed = Md5Crypt.md5Crypt(password, secret, "$" + parts[1] + "$");
            return constantTimeEquals(secret, computed);
        } catch (IllegalArgumentException e) {
            return false; // a salt MD5-crypt cannot take
        }
    }

    private static boolean isBcrypt(String secret) {
        return secret.startsWith("$2a$") || secret.startsWith("$2b$") || secret.startsWith("$2x$")
                || secret.startsWith("$2y$");
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
