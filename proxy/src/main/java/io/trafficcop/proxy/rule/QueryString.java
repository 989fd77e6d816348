package io.trafficcop.proxy.rule;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code url.Query()} semantics over a raw query, without building a map: pairs are split on '&'; a
 * pair containing ';' is dropped (Go 1.17+ rejects semicolons as separators); empty pairs are skipped;
 * key and value are decoded with {@code url.QueryUnescape} ('+' is a space) and a pair that fails to decode
 * is dropped. Values of a key keep their order.
 */
final class QueryString {
    private QueryString() {
    }

    /** Receives each decoded value of the wanted key; returns true to stop scanning. */
    interface ValueVisitor {
        boolean visit(String value);
    }

    /** Visits the values of {@code key} in order; true if a visit returned true. */
    static boolean anyValue(String rawQuery, String key, ValueVisitor visitor) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return false;
        }
        int len = rawQuery.length();
        int start = 0;
        while (true) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? len : amp;
            String value = valueIfKey(rawQuery, start, end, key);
            if (value != null && visitor.visit(value)) {
                return true;
            }
            if (amp < 0) {
                return false;
            }
            start = amp + 1;
        }
    }

    /** The first decoded value of the key, or null if absent. */
    static String firstValue(String rawQuery, String key) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        int len = rawQuery.length();
        int start = 0;
        while (true) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? len : amp;
            String value = valueIfKey(rawQuery, start, end, key);
            if (value != null) {
                return value;
            }
            if (amp < 0) {
                return null;
            }
            start = amp + 1;
        }
    }

    /**
     * For the pair raw[start, end): its decoded value if it is a valid pair (no ';', decodable) whose decoded
     * key equals {@code key}; null otherwise. A plain key is compared in place, without allocating.
     */
    private static String valueIfKey(String raw, int start, int end, String key) {
        if (end <= start || contains(raw, start, end, ';')) {
            return null;
        }
        int eq = indexOf(raw, start, end, '=');
        int keyEnd = eq < 0 ? end : eq;
        boolean plainKey = !contains(raw, start, keyEnd, '%') && !contains(raw, start, keyEnd, '+');
        if (plainKey) {
            if (keyEnd - start != key.length() || !raw.regionMatches(start, key, 0, key.length())) {
                return null;
            }
        } else {
            String k = unescape(raw, start, keyEnd);
            if (k == null || !k.equals(key)) {
                return null;
            }
        }
        // Go drops a pair whose value fails to decode, even when the key matched
        return eq < 0 ? "" : unescape(raw, eq + 1, end);
    }

    private static boolean contains(String s, int from, int to, char c) {
        return indexOf(s, from, to, c) >= 0;
    }

    private static int indexOf(String s, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Go's url.QueryUnescape of s[from, to), or null on an invalid escape. */
    static String unescape(String s, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s.substring(from, to);
        }
        byte[] bytes = new byte[(to - from) * 4];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    return null;
                }
                int hi = RoutingPath.hex(s.charAt(i + 1));
                int lo = RoutingPath.hex(s.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c == '+') {
                bytes[n++] = ' ';
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                int cp = s.codePointAt(i);
                byte[] enc = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(enc, 0, bytes, n, enc.length);
                n += enc.length;
                i += Character.charCount(cp) - 1;
            }
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }
}
