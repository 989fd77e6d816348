package io.trafficcop.proxy.service.sticky;

import io.trafficcop.proxy.config.dynamic.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Traefik's {@code sticky.cookie} of a {@code loadBalancer} or {@code weighted} service: the cookie's name (Traefik's
 * pkg/server/cookie: the configured name with characters outside the cookie token set replaced by '_', or when
 * unset {@code "_" + hex(sha1("_TRAEFIK_BACKEND_" + serviceName))} cut to 6 characters) and its attributes, rendered
 * as Go's {@code http.SetCookie} does.
 */
public final class StickyCookie {

    private static final int GENERATED_NAME_LENGTH = 6;

    private final String name;
    private final String attributes;

    private StickyCookie(String name, String attributes) {
        this.name = name;
        this.attributes = attributes;
    }

    /**
     * Builds the cookie of service {@code serviceName} (qualified, {@code name@provider}) from {@code config}.
     *
     * @throws IllegalArgumentException when sameSite is not none, lax, strict or empty
     */
    public static StickyCookie of(Cookie config, String serviceName) {
        Cookie c = config == null ? Cookie.fromBoolean(true) : config;
        String name = cookieName(c.name(), serviceName);
        StringBuilder attrs = new StringBuilder();
        String path = c.path() == null ? "/" : c.path();
        if (!path.isEmpty()) {
            attrs.append("; Path=").append(path);
        }
        String domain = c.domain();
        if (domain != null && !domain.isEmpty()) {
            attrs.append("; Domain=").append(domain.startsWith(".") ? domain.substring(1) : domain);
        }
        int maxAge = c.maxAge() == null ? 0 : c.maxAge();
        if (maxAge > 0) {
            attrs.append("; Max-Age=").append(maxAge);
        } else if (maxAge < 0) {
            attrs.append("; Max-Age=0");
        }
        if (Boolean.TRUE.equals(c.httpOnly())) {
            attrs.append("; HttpOnly");
        }
        if (Boolean.TRUE.equals(c.secure())) {
            attrs.append("; Secure");
        }
        String sameSite = c.sameSite() == null ? "" : c.sameSite().toLowerCase(Locale.ROOT);
        switch (sameSite) {
            case "none" -> attrs.append("; SameSite=None");
            case "lax" -> attrs.append("; SameSite=Lax");
            case "strict" -> attrs.append("; SameSite=Strict");
            case "" -> {
            }
            // Traefik silently uses the default mode; an explicit typo is better reported
            default -> throw new IllegalArgumentException("invalid sticky.cookie.sameSite \"" + c.sameSite()
                    + "\": expected none, lax or strict");
        }
        return new StickyCookie(name, attrs.toString());
    }

    /** Traefik's cookie.GetName. */
    public static String cookieName(String configured, String serviceName) {
        if (configured != null && !configured.isEmpty()) {
            return sanitize(configured);
        }
        return generatedName(serviceName);
    }

    /** Traefik's cookie.GenerateName: "_" + hex(sha1("_TRAEFIK_BACKEND_" + service)), 6 characters. */
    public static String generatedName(String serviceName) {
        String hex = HexFormat.of().formatHex(digest("SHA-1", "_TRAEFIK_BACKEND_" + serviceName));
        return ("_" + hex).substring(0, GENERATED_NAME_LENGTH);
    }

    private static String sanitize(String name) {
        StringBuilder b = new StringBuilder(name.length());
        name.codePoints().forEach(r -> {
            boolean token = (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
                    || "!#$%&'*+-.^`|~".indexOf(r) >= 0;
            b.append(token ? (char) r : '_');
        });
        return b.toString();
    }

    static byte[] digest(String algorithm, String input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    /** The Set-Cookie header value sticking the client to the child whose hash is {@code value}. */
    public String setCookieValue(String value) {
        return name + '=' + value + attributes;
    }
}
