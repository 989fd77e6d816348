package io.trafficcop.proxy.middleware.headers;

import io.netty.util.AsciiString;

/** Go's textproto.CanonicalMIMEHeaderKey: how Go's Header.Set spells a header name on the wire. */
final class GoHeaderNames {

    private GoHeaderNames() {
    }

    static AsciiString canonical(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                return AsciiString.cached(name); // Go leaves a name with invalid characters as it is
            }
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (upper && c >= 'a' && c <= 'z') {
                c = (char) (c - 32);
            } else if (!upper && c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            out.append(c);
            upper = c == '-';
        }
        return AsciiString.cached(out.toString());
    }

    private static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
