package io.trafficcop.proxy.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A request-target seen as Go's {@code url.URL} sees it ({@code Path}, {@code RawPath}, {@code RawQuery},
 * {@code ForceQuery}), for the middlewares that rewrite the path exactly as Traefik's do (addPrefix, stripPrefix,
 * replacePath, ...). Traefik's middlewares work on the decoded {@code Path}, keep {@code RawPath} in step when the
 * client used a non-default encoding (such as {@code %2F}), and forward {@code URL.RequestURI()}; this class keeps
 * the same three values with Go's rules so that the rewritten request-target is byte for byte Traefik's.
 *
 * <p>Decoded paths are Java strings; bytes that are not valid UTF-8 are kept as the lone surrogates U+DC80..U+DCFF
 * (Python's "surrogateescape") so that decoding then encoding again never changes a byte. Mutable, one per request.
 */
public final class RequestTarget {

    private String path;
    private String rawPath;
    private final String rawQuery;
    private final boolean forceQuery;

    private RequestTarget(String path, String rawPath, String rawQuery, boolean forceQuery) {
        this.path = path;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
        this.forceQuery = forceQuery;
    }

    /**
     * Parses a request-target (origin-form, absolute-form or "*") as Go's server does (url.ParseRequestURI).
     *
     * @throws IllegalArgumentException on an invalid percent-escape in the path (Go's server answers 400)
     */
    public static RequestTarget parse(String uri) {
        String rest = uri;
        String rawQuery = "";
        boolean forceQuery = false;
        int q = rest.indexOf('?');
        if (q >= 0) {
            if (q == rest.length() - 1 && rest.indexOf('?') == q) {
                forceQuery = true;
            } else {
                rawQuery = rest.substring(q + 1);
            }
            rest = rest.substring(0, q);
        }
        if (!rest.isEmpty() && rest.charAt(0) != '/' && !"*".equals(rest)) {
            int scheme = rest.indexOf("://");
            if (scheme > 0) {
                int slash = rest.indexOf('/', scheme + 3);
                rest = slash < 0 ? "" : rest.substring(slash);
            }
        }
        RequestTarget target = new RequestTarget("", "", rawQuery, forceQuery);
        if ("*".equals(rest)) {
            target.path = "*";
            return target;
        }
        target.setEscapedPath(rest);
        return target;
    }

    /** Go's {@code URL.Path}: the decoded path. */
    public String path() {
        return path;
    }

    /** Go's {@code URL.RawPath}: the encoded path when it differs from the default encoding, else "". */
    public String rawPath() {
        return rawPath;
    }

    public String rawQuery() {
        return rawQuery;
    }

    /** Sets {@code URL.Path} alone (as Go code assigning the field). */
    public void path(String value) {
        this.path = value;
    }

    /** Sets {@code URL.RawPath} alone (as Go code assigning the field). */
    public void rawPath(String value) {
        this.rawPath = value;
    }

    /**
     * Go's {@code URL.setPath}: decodes {@code escaped} into Path and keeps it as RawPath unless it is the default
     * encoding.
     *
     * @throws IllegalArgumentException on an invalid percent-escape, with Go's message
     */
    public void setEscapedPath(String escaped) {
        String decoded = unescapePath(escaped);
        this.path = decoded;
        this.rawPath = escaped.equals(escapePath(decoded)) ? "" : escaped;
    }

    /** Go's {@code URL.EscapedPath()}: RawPath when it is a valid encoding of Path, else Path escaped. */
    public String escapedPath() {
        if (!rawPath.isEmpty() && validEncoded(rawPath)) {
            String decoded = tryUnescape(rawPath);
            if (decoded != null && decoded.equals(path)) {
                return rawPath;
            }
        }
        if ("*".equals(path)) {
            return "*";
        }
        return escapePath(path);
    }

    /** Go's {@code URL.RequestURI()}: the escaped path ("/" when empty) and the query. */
    public String requestUri() {
        String result = escapedPath();
        if (result.isEmpty()) {
            result = "/";
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            return result + '?' + rawQuery;
        }
        return result;
    }

    /**
     * Traefik's path sanitization after a rewrite: {@code req.URL = req.URL.JoinPath()} (which cleans the escaped
     * path as Go's path.Join does, keeping a trailing slash) and whether the decoded path stayed the same. Applies
     * the joined path either way, as Go does. A path that changes (dot segments, double slashes) is a 400 in Traefik.
     */
    public boolean sanitize() {
        String before = path;
        String escaped = escapedPath();
        String joined;
        if (!escaped.startsWith("/")) {
            joined = cleanPath("/" + escaped).substring(1);
        } else {
            joined = cleanPath(escaped);
        }
        if (escaped.endsWith("/") && !joined.endsWith("/")) {
            joined = joined + "/";
        }
        String decoded = tryUnescape(joined);
        if (decoded == null) {
            return false;
        }
        this.path = decoded;
        this.rawPath = joined.equals(escapePath(decoded)) ? "" : joined;
        return before.equals(decoded);
    }

    // ---- Go's net/url and path helpers ---------------------------------------------------------------------------

    /** Go's {@code "/" + s} unless s is empty or already starts with "/" (Traefik's ensureLeadingSlash). */
    public static String ensureLeadingSlash(String s) {
        if (s.isEmpty() || s.charAt(0) == '/') {
            return s;
        }
        return "/" + s;
    }

    /**
     * Go's {@code url.PathUnescape}.
     *
     * @throws IllegalArgumentException with Go's message ({@code invalid URL escape "%zz"})
     */
    public static String unescapePath(String s) {
        int pct = s.indexOf('%');
        if (pct < 0 && isAscii(s)) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
                    String bad = s.substring(i, Math.min(s.length(), i + 3));
                    throw new IllegalArgumentException("invalid URL escape \"" + bad + "\"");
                }
                bytes.write(hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
                i += 2;
            } else {
                writeChar(bytes, s, i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                }
            }
        }
        return decodeBytes(bytes.toByteArray());
    }

    /** Go's {@code url.PathUnescape}, null on an invalid escape. */
    static String tryUnescape(String s) {
        try {
            return unescapePath(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Go's {@code escape(s, encodePath)}: percent-encodes every byte a path may not hold as is. */
    public static String escapePath(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c < 0x80 && !shouldEscapeInPath(c);
        }
        if (plain) {
            return s;
        }
        byte[] bytes = encodeBytes(s);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v < 0x80 && !shouldEscapeInPath((char) v)) {
                out.append((char) v);
            } else {
                out.append('%').append(HEX[v >> 4]).append(HEX[v & 0xF]);
            }
        }
        return out.toString();
    }

    /** Go's {@code validEncoded(s, encodePath)}. */
    static boolean validEncoded(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '[', ']', '%' -> {
                }
                default -> {
                    if (c >= 0x80 || shouldEscapeInPath(c)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Go's {@code shouldEscape(c, encodePath)} for an ASCII byte. */
    static boolean shouldEscapeInPath(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        return switch (c) {
            case '-', '_', '.', '~' -> false;
            case '$', '&', '+', ',', '/', ':', ';', '=', '@' -> false;
            default -> true;
        };
    }

    /** Go's {@code path.Clean}. */
    public static String cleanPath(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.charAt(0) == '/';
        int n = p.length();
        StringBuilder out = new StringBuilder(n);
        int r = 0;
        int dotdot = 0;
        if (rooted) {
            out.append('/');
            r = 1;
            dotdot = 1;
        }
        while (r < n) {
            char c = p.charAt(r);
            if (c == '/') {
                r++;
            } else if (c == '.' && (r + 1 == n || p.charAt(r + 1) == '/')) {
                r++;
            } else if (c == '.' && p.charAt(r + 1) == '.' && (r + 2 == n || p.charAt(r + 2) == '/')) {
                r += 2;
                if (out.length() > dotdot) {
                    int w = out.length() - 1;
                    while (w > dotdot && out.charAt(w) != '/') {
                        w--;
                    }
                    out.setLength(w);
                } else if (!rooted) {
                    if (!out.isEmpty()) {
                        out.append('/');
                    }
                    out.append("..");
                    dotdot = out.length();
                }
            } else {
                if (rooted && out.length() != 1 || !rooted && !out.isEmpty()) {
                    out.append('/');
                }
                while (r < n && p.charAt(r) != '/') {
                    out.append(p.charAt(r));
                    r++;
                }
            }
        }
        if (out.isEmpty()) {
            return ".";
        }
        return out.toString();
    }

    /**
     * Traefik's encodedPrefixLen: how many characters of {@code rawPath} encode the first
     * {@code len(decodedPrefix)} bytes (3 per %XX, 1 otherwise).
     */
    public static int encodedPrefixLength(String rawPath, String decodedPrefix) {
        int prefixBytes = utf8Length(decodedPrefix);
        int decoded = 0;
        int i = 0;
        while (i < rawPath.length() && decoded < prefixBytes) {
            if (rawPath.charAt(i) == '%' && i + 2 < rawPath.length()) {
                i += 3;
            } else {
                i++;
            }
            decoded++;
        }
        return i;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

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

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * A request line's characters are its bytes (Netty decodes it as ISO-8859-1); characters above U+00FF (from an
     * already-decoded string) are written as UTF-8, escaped bytes U+DC80..U+DCFF as themselves.
     */
    private static void writeChar(ByteArrayOutputStream bytes, String s, int i) {
        char c = s.charAt(i);
        if (c <= 0xFF) {
            bytes.write(c);
        } else if (c >= 0xDC80 && c <= 0xDCFF) {
            bytes.write(c - 0xDC00);
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            bytes.writeBytes(s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
        } else {
            bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** UTF-8 bytes of a decoded path, escaped invalid bytes restored. */
    static byte[] encodeBytes(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes.write(c);
            } else if (c >= 0xDC80 && c <= 0xDCFF) {
                bytes.write(c - 0xDC00);
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes.writeBytes(s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static int utf8Length(String s) {
        if (isAscii(s)) {
            return s.length();
        }
        return encodeBytes(s).length;
    }

    /** UTF-8 decoding that keeps every invalid byte as U+DC80+byte. */
    static String decodeBytes(byte[] b) {
        StringBuilder out = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int v = b[i] & 0xFF;
            if (v < 0x80) {
                out.append((char) v);
                i++;
                continue;
            }
            int len = v >= 0xF0 && v <= 0xF4 ? 4 : v >= 0xE0 ? (v <= 0xEF ? 3 : 0) : v >= 0xC2 ? 2 : 0;
            int cp = -1;
            if (len > 0 && i + len <= b.length) {
                cp = len == 2 ? v & 0x1F : len == 3 ? v & 0x0F : v & 0x07;
                for (int k = 1; k < len; k++) {
                    int cont = b[i + k] & 0xFF;
                    if ((cont & 0xC0) != 0x80) {
                        cp = -1;
                        break;
                    }
                    cp = cp << 6 | cont & 0x3F;
                }
                if (cp >= 0 && (len == 3 && (cp < 0x800 || cp >= 0xD800 && cp <= 0xDFFF)
                        || len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
                    cp = -1;
                }
            }
            if (cp < 0) {
                out.append((char) (0xDC00 + v));
                i++;
            } else {
                out.appendCodePoint(cp);
                i += len;
            }
        }
        return out.toString();
    }
}
