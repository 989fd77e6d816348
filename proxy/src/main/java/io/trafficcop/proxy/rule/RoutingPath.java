package io.trafficcop.proxy.rule;

/**
 * Traefik's routing path ({@code withRoutingPath} in pkg/muxer/http/mux.go), computed from the raw path:
 * Go's {@code URL.EscapedPath()} with every percent-encoded octet decoded except the reserved characters of
 * RFC 3986 section 2.2 plus '%' (only their upper-case encodings, as Traefik's lookup table is upper case).
 *
 * <p>Go's {@code EscapedPath} returns the raw path when it is a valid encoding; otherwise (raw path holding a
 * character Go would escape, such as '{', '"' or a space) it re-escapes the decoded path, which turns
 * '?', '%', '!', '\'', '(', ')', '*', '[', ']' into reserved encodings and drops other encodings. Both cases
 * are reproduced here.
 */
final class RoutingPath {
    private RoutingPath() {
    }

    /** The routing path, or null if the raw path holds an invalid percent-encoding. */
    static String of(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        boolean percent = false;
        boolean validEncoded = true;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                percent = true;
            } else if (!allowedUnescaped(c)) {
                validEncoded = false;
            }
        }
        if (!percent && validEncoded) {
            return rawPath;
        }
        // Go's url parsing rejects an invalid encoding before any routing happens.
        for (int i = 0; i < rawPath.length(); i++) {
            if (rawPath.charAt(i) == '%') {
                if (i + 2 >= rawPath.length()) {
                    return null;
                }
                if (hex(rawPath.charAt(i + 1)) < 0 || hex(rawPath.charAt(i + 2)) < 0) {
                    return null;
                }
                i += 2;
            }
        }
        String escaped = validEncoded ? rawPath : reEscape(unescapeAll(rawPath));
        StringBuilder out = new StringBuilder(escaped.length());
        byte[] pending = null;
        int pendingLen = 0;
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%' && !isReserved(escaped, i)) {
                if (pending == null) {
                    pending = new byte[escaped.length()];
                }
                pending[pendingLen++] = (byte) (hex(escaped.charAt(i + 1)) << 4 | hex(escaped.charAt(i + 2)));
                i += 2;
                continue;
            }
            if (pendingLen > 0) {
                out.append(new String(pending, 0, pendingLen, java.nio.charset.StandardCharsets.UTF_8));
                pendingLen = 0;
            }
            if (c == '%') {
                out.append(escaped, i, i + 3);
                i += 2;
            } else {
                out.append(c);
            }
        }
        if (pendingLen > 0) {
            out.append(new String(pending, 0, pendingLen, java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static boolean isReserved(String s, int i) {
        char a = s.charAt(i + 1);
        char b = s.charAt(i + 2);
        return switch (a) {
            case '2' -> b == 'F' || b == '1' || b == '3' || b == '4' || b == '5' || b == '6' || b == '7' || b == '8'
                    || b == '9' || b == 'A' || b == 'B' || b == 'C';
            case '3' -> b == 'A' || b == 'F' || b == 'B' || b == 'D';
            case '4' -> b == '0';
            case '5' -> b == 'B' || b == 'D';
            default -> false;
        };
    }

    /** Go's validEncoded(s, encodePath) for one character (other than '%'). */
    private static boolean allowedUnescaped(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return switch (c) {
            case '-', '_', '.', '~', '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '[', ']', '/' -> true;
            default -> false;
        };
    }

    private static String unescapeAll(String s) {
        byte[] bytes = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                bytes[n++] = (byte) (hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                byte[] enc = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    enc = s.substring(i, i + 2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    i++;
                }
                System.arraycopy(enc, 0, bytes, n, enc.length);
                n += enc.length;
            }
        }
        return new String(bytes, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Go's escape(path, encodePath) over a byte string held in ISO-8859-1 chars. */
    private static String reEscape(String bytes) {
        StringBuilder out = new StringBuilder(bytes.length() + 16);
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                out.append(c);
                continue;
            }
            switch (c) {
                case '-', '_', '.', '~', '$', '&', '+', ',', '/', ':', ';', '=', '@' -> out.append(c);
                default -> {
                    out.append('%');
                    out.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                    out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                }
            }
        }
        return out.toString();
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
