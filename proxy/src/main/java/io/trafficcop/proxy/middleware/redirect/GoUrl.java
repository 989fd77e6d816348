package io.trafficcop.proxy.middleware.redirect;

import io.trafficcop.proxy.http.RequestTarget;
import java.util.Locale;

/**
 * Go's {@code url.Parse} followed by {@code URL.String()}, which is how Traefik's redirect middlewares turn the
 * rewritten URL into the Location header: the scheme is lower-cased, the path re-escaped (a space becomes %20,
 * non-ASCII bytes are percent-encoded, a valid client encoding is kept), and what Go refuses (control characters,
 * bad escapes, ASCII escapes or invalid characters in the host, a non-numeric port) fails the redirect.
 */
final class GoUrl {

    private GoUrl() {
    }

    /**
     * Parses {@code raw} as Go's url.Parse and serializes it as URL.String().
     *
     * @throws IllegalArgumentException when Go's url.Parse fails
     */
    static String normalize(String raw) {
        String u = raw;
        String frag = null;
        int hash = raw.indexOf('#');
        if (hash >= 0) {
            u = raw.substring(0, hash);
            frag = raw.substring(hash + 1);
        }
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("net/url: invalid control character in URL");
            }
        }
        StringBuilder out = new StringBuilder(raw.length() + 8);
        if ("*".equals(u)) {
            out.append('*');
            appendFragment(out, frag);
            return out.toString();
        }
        String scheme = "";
        String rest = u;
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new IllegalArgumentException("missing protocol scheme");
                }
                scheme = u.substring(0, i).toLowerCase(Locale.ROOT);
                rest = u.substring(i + 1);
            }
            break;
        }
        String rawQuery = "";
        boolean forceQuery = false;
        int q = rest.indexOf('?');
        if (q >= 0) {
            if (q == rest.length() - 1) {
                forceQuery = true;
            } else {
                rawQuery = rest.substring(q + 1);
            }
            rest = rest.substring(0, q);
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                out.append(scheme).append(':').append(rest); // opaque
                appendQuery(out, rawQuery, forceQuery);
                appendFragment(out, frag);
                return out.toString();
            }
            int slash = rest.indexOf('/');
            if ((slash < 0 ? rest : rest.substring(0, slash)).indexOf(':') >= 0) {
                throw new IllegalArgumentException("first path segment in URL cannot contain colon");
            }
        }
        String user = null;
        String host = "";
        boolean omitHost = false;
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                rest = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            int at = authority.lastIndexOf('@');
            host = parseHost(at < 0 ? authority : authority.substring(at + 1));
            if (at >= 0) {
                user = userinfo(authority.substring(0, at));
            }
        } else if (!scheme.isEmpty() && rest.startsWith("/")) {
            omitHost = true;
        }
        RequestTarget path = RequestTarget.parse(rest.isEmpty() ? "" : rest);
        String escapedPath = path.escapedPath();

        if (!scheme.isEmpty()) {
            out.append(scheme).append(':');
        }
        if (!scheme.isEmpty() || !host.isEmpty() || user != null) {
            if (!(omitHost && host.isEmpty() && user == null)) {
                if (!host.isEmpty() || !path.path().isEmpty() || user != null) {
                    out.append("//");
                }
                if (user != null) {
                    out.append(user).append('@');
                }
                out.append(escape(host, HOST));
            }
        }
        if (!escapedPath.isEmpty() && escapedPath.charAt(0) != '/' && !host.isEmpty()) {
            out.append('/');
        }
        if (out.isEmpty()) {
            int slash = escapedPath.indexOf('/');
            if ((slash < 0 ? escapedPath : escapedPath.substring(0, slash)).indexOf(':') >= 0) {
                out.append("./");
            }
        }
        out.append(escapedPath);
        appendQuery(out, rawQuery, forceQuery);
        appendFragment(out, frag);
        return out.toString();
    }

    private static void appendQuery(StringBuilder out, String rawQuery, boolean forceQuery) {
        if (forceQuery || !rawQuery.isEmpty()) {
            out.append('?').append(rawQuery);
        }
    }

    private static void appendFragment(StringBuilder out, String frag) {
        if (frag == null || frag.isEmpty()) {
            return;
        }
        String decoded = unescape(frag, FRAGMENT);
        if (decoded.isEmpty()) {
            return;
        }
        String escaped = escape(decoded, FRAGMENT);
        out.append('#').append(escaped.equals(frag) || validFragment(frag) ? frag : escaped);
    }

    private static boolean validFragment(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("!$&'()*+,;=:@[]%".indexOf(c) >= 0) {
                continue;
            }
            if (c >= 0x80 || shouldEscape(c, FRAGMENT)) {
                return false;
            }
        }
        return true;
    }

    private static String parseHost(String host) {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in host");
            }
            String colonPort = host.substring(close + 1);
            if (!validOptionalPort(colonPort)) {
                throw new IllegalArgumentException("invalid port \"" + colonPort + "\" after host");
            }
            int zone = host.substring(0, close).indexOf("%25");
            if (zone >= 0) {
                return unescape(host.substring(0, zone), HOST) + unescape(host.substring(zone, close), ZONE)
                        + unescape(host.substring(close), HOST);
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0) {
                String colonPort = host.substring(colon);
                if (!validOptionalPort(colonPort)) {
                    throw new IllegalArgumentException("invalid port \"" + colonPort + "\" after host");
                }
            }
        }
        return unescape(host, HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String userinfo(String userinfo) {
        for (int i = 0; i < userinfo.length(); i++) {
            char c = userinfo.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
            if (!ok) {
                throw new IllegalArgumentException("net/url: invalid userinfo");
            }
        }
        int colon = userinfo.indexOf(':');
        if (colon < 0) {
            return escape(unescape(userinfo, USER), USER);
        }
        return escape(unescape(userinfo.substring(0, colon), USER), USER) + ':'
                + escape(unescape(userinfo.substring(colon + 1), USER), USER);
    }

    // encoding modes of Go's net/url
    private static final int HOST = 1;
    private static final int ZONE = 2;
    private static final int USER = 3;
    private static final int FRAGMENT = 4;

    private static boolean shouldEscape(char c, int mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if ((mode == HOST || mode == ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        switch (c) {
            case '-', '_', '.', '~':
                return false;
            case '$', '&', '+', ',', '/', ':', ';', '=', '?', '@':
                if (mode == USER) {
                    return c == '@' || c == '/' || c == '?' || c == ':';
                }
                if (mode == FRAGMENT) {
                    return false;
                }
                break;
            default:
                break;
        }
        if (mode == FRAGMENT && (c == '!' || c == '(' || c == ')' || c == '*')) {
            return false;
        }
        return true;
    }

    private static String unescape(String s, int mode) {
        StringBuilder bytes = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
                    throw new IllegalArgumentException("invalid URL escape \"" + s.substring(i, Math.min(s.length(), i + 3)) + "\"");
                }
                if (mode == HOST && hex(s.charAt(i + 1)) < 8 && !s.startsWith("%25", i)) {
                    throw new IllegalArgumentException("invalid URL escape \"" + s.substring(i, i + 3) + "\"");
                }
                if (bytes == null) {
                    bytes = new StringBuilder(s.length()).append(s, 0, i);
                }
                bytes.append((char) (hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2))));
                i += 2;
            } else {
                if ((mode == HOST || mode == ZONE) && c < 0x80 && shouldEscape(c, mode)) {
                    throw new IllegalArgumentException("invalid character \"" + c + "\" in host name");
                }
                if (bytes != null) {
                    bytes.append(c);
                }
            }
        }
        return bytes == null ? s : bytes.toString(); // bytes as ISO-8859-1 characters
    }

    /** Escapes a string whose characters are bytes (ISO-8859-1) or text (above U+00FF, written as UTF-8). */
    private static String escape(String s, int mode) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (shouldEscape(c, mode)) {
                    out.append('%').append(HEXDIGITS[c >> 4]).append(HEXDIGITS[c & 0xF]);
                } else {
                    out.append(c);
                }
            } else if (c <= 0xFF) {
                out.append('%').append(HEXDIGITS[c >> 4]).append(HEXDIGITS[c & 0xF]);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    int v = b & 0xFF;
                    out.append('%').append(HEXDIGITS[v >> 4]).append(HEXDIGITS[v & 0xF]);
                }
            }
        }
        return out.toString();
    }

    private static final char[] HEXDIGITS = "0123456789ABCDEF".toCharArray();

    private static int hex(char c) {
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
