package io.trafficcop.proxy.middleware.digestauth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of an {@code Authorization: Digest ...} header, parsed as go-http-auth's
 * {@code DigestAuthParams}: the scheme must be exactly "Digest", then a comma-separated list (commas inside
 * quotes kept, backslash escapes honoured) of {@code key=value} pairs, quoted values unquoted.
 */
final class DigestParams {

    private DigestParams() {
    }

    /** The parameters, or null when the header is absent or not a Digest header. */
    static Map<String, String> parse(String authorization) {
        if (authorization == null) {
            return null;
        }
        int space = authorization.indexOf(' ');
        if (space < 0 || !"Digest".equals(authorization.substring(0, space))) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (String pair : list(authorization.substring(space + 1).strip())) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                params.put(pair, "");
            } else if (eq == pair.length() - 1) {
                params.put(pair.substring(0, eq), "");
            } else {
                String value = pair.substring(eq + 1);
                if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                    value = value.substring(1, value.length() - 1);
                }
                params.put(pair.substring(0, eq), value);
            }
        }
        return params;
    }

    /** Go's {@code ParseList}: comma-separated items, quoted strings kept whole, items trimmed, empties dropped. */
    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean escape = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (escape) {
                escape = false;
                current.append(c);
                continue;
            }
            if (quoted) {
                if (c == '\\') {
                    escape = true;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                }
                current.append(c);
                continue;
            }
            if (c == '"') {
                quoted = true;
                current.append(c);
            } else if (c == ',') {
                add(items, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        add(items, current);
        return items;
    }

    private static void add(List<String> items, StringBuilder item) {
        String s = item.toString().strip();
        if (!s.isEmpty()) {
            items.add(s);
        }
    }
}
