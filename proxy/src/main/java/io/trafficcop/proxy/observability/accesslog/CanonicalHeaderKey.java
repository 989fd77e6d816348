package io.trafficcop.proxy.observability.accesslog;

/**
 * Go's textproto.CanonicalMIMEHeaderKey: the header name as Traefik writes it after {@code request_} /
 * {@code downstream_} ("user-agent" becomes "User-Agent"). Names with characters outside a token, or with a
 * space, are returned unchanged, as Go does.
 */
final class CanonicalHeaderKey {

    private CanonicalHeaderKey() {
    }

    static String of(String name) {
        boolean upper = true;
        char[] out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ' ' || c > 0x7e || c < 0x21) {
                return name;
            }
            char want = upper && c >= 'a' && c <= 'z' ? (char) (c - 32)
                    : !upper && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            if (want != c) {
                if (out == null) {
                    out = name.toCharArray();
                }
                out[i] = want;
            }
            upper = c == '-';
        }
        return out == null ? name : new String(out);
    }
}
