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
        while (start <= len) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? len : amp;
            if (end > start && !contains(rawQuery, start, end, ';')) {
                int eq = indexOf(rawQuery, start, end, '=');
                int keyEnd = eq < 0 ? end : eq;
                String k = unescape(rawQuery, start, keyEnd);
                if (k != null && k.equals(key)) {
                    String v = eq < 0 ? "" : unescape(rawQuery, eq + 1, end);
                    if (v != null && visitor.visit(v)) {
                        return true;
                    }
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return false;
    }

    /** True if the key is present (with any value). */
    static boolean hasKey(String rawQuery, String key) {
        return anyValue(rawQuery, key, v -> true);
    }

    /** The first value of the key, or null if absent. */
    static String firstValue(String rawQuery, String key) {
        String[] found = new String[1];
        anyValue(rawQuery, key, v -> {
            found[0] = v;
            return true;
        });
        return found[0];
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
