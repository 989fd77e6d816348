package io.trafficcop.proxy.middleware.compress;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A media type and its parameters as Go's mime.ParseMediaType gives them (lower-cased type and parameter names). */
record MediaType(String type, Map<String, String> params) {

    /** @throws IllegalArgumentException when {@code value} is not a media type */
    static MediaType parse(String value) {
        String[] parts = value.split(";", -1);
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty() || !isToken(type.replaceFirst("/", ""))) {
            throw new IllegalArgumentException("mime: no media type");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("mime: invalid media parameter");
            }
            String v = p.substring(eq + 1).strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            params.put(p.substring(0, eq).strip().toLowerCase(Locale.ROOT), v);
        }
        return new MediaType(type, Map.copyOf(params));
    }

    /** The parse result, or null when unparsable (Traefik then compresses nothing / excludes nothing). */
    static MediaType parseOrNull(String value) {
        try {
            return value == null ? null : parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Traefik's parsedContentType.equals: same type, and the configured parameters if any, all equal. */
    boolean matches(MediaType actual) {
        if (!type.equals(actual.type)) {
            return false;
        }
        if (params.isEmpty()) {
            return true;
        }
        return params.equals(actual.params);
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
