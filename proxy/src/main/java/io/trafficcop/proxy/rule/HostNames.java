package io.trafficcop.proxy.rule;

/** Host-string handling with Go's semantics ({@code net.SplitHostPort}, Traefik's {@code parseHost}). */
final class HostNames {
    private HostNames() {
    }

    /**
     * Traefik's {@code types.CanonicalDomain(parseHost(req.Host))}: port and IPv6 brackets removed, then
     * trimmed and lower-cased. Returns the input itself when nothing changes (no allocation).
     */
    static String canonicalHost(String host) {
        if (host == null) {
            return "";
        }
        String h = requestDecoratorHost(host);
        return toLowerTrim(h);
    }

    /** requestdecorator.parseHost: strips the port; on a SplitHostPort error, strips enclosing brackets. */
    static String requestDecoratorHost(String addr) {
        if (addr.indexOf(':') < 0) {
            return addr;
        }
        String host = splitHostPortHost(addr);
        if (host != null) {
            return host;
        }
        if (addr.charAt(0) == '[' && addr.charAt(addr.length() - 1) == ']') {
            return addr.substring(1, addr.length() - 1);
        }
        return addr;
    }

    /** The gorilla/mux fork's parseHost (v2 HostRegexp): strips the port, else the address unchanged. */
    static String muxHost(String addr) {
        if (addr.indexOf(':') < 0) {
            return addr;
        }
        String host = splitHostPortHost(addr);
        return host != null ? host : addr;
    }

    /** The host part of Go's {@code net.SplitHostPort}, or null where Go returns an error. */
    static String splitHostPortHost(String hostport) {
        int i = hostport.lastIndexOf(':');
        if (i < 0) {
            return null;
        }
        String host;
        int j = 0;
        int k = 0;
        if (hostport.charAt(0) == '[') {
            int end = hostport.indexOf(']');
            if (end < 0) {
                return null;
            }
            if (end + 1 == hostport.length()) {
                return null;
            } else if (end + 1 != i) {
                return null;
            }
            host = hostport.substring(1, end);
            j = 1;
            k = end + 1;
        } else {
            host = hostport.substring(0, i);
            if (host.indexOf(':') >= 0) {
                return null;
            }
        }
        if (hostport.indexOf('[', j) >= 0) {
            return null;
        }
        if (hostport.indexOf(']', k) >= 0) {
            return null;
        }
        return host;
    }

    /** Go's strings.ToLower(strings.TrimSpace(s)) for the ASCII range; returns s when unchanged. */
    static String toLowerTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        boolean upper = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 0x7f) {
                upper = true;
                break;
            }
        }
        if (!upper) {
            return start == 0 && end == s.length() ? s : s.substring(start, end);
        }
        // Go's strings.ToLower maps each rune with unicode.ToLower (simple case mapping), as Character.toLowerCase
        // does; String.toLowerCase would apply special casing (U+0130 -> "i\u0307").
        StringBuilder b = new StringBuilder(end - start);
        for (int i = start; i < end; ) {
            int cp = s.codePointAt(i);
            b.appendCodePoint(Character.toLowerCase(cp));
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f' || c == 0x85 || c == 0xa0
                || Character.isSpaceChar(c);
    }

    /** Traefik's muxer.IsASCII: every UTF-8 byte below 0x80. */
    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Go's strings.EqualFold where one side is ASCII (host expressions are): ASCII case folding, plus the two
     * non-ASCII letters in the fold orbits of ASCII letters (U+212A KELVIN SIGN ~ k, U+017F LONG S ~ s).
     */
    static boolean equalFold(String a, String b) {
        return a.length() == b.length() && equalFold(a, 0, b, 0, a.length());
    }

    /** {@link #equalFold(String, String)} on the regions a[aFrom, aFrom+len) and b[bFrom, bFrom+len). */
    static boolean equalFold(String a, int aFrom, String b, int bFrom, int len) {
        if (aFrom + len > a.length() || bFrom + len > b.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (fold(a.charAt(aFrom + i)) != fold(b.charAt(bFrom + i))) {
                return false;
            }
        }
        return true;
    }

    private static char fold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        if (c == '\u212A') {
            return 'k';
        }
        if (c == '\u017F') {
            return 's';
        }
        return c;
    }
}
