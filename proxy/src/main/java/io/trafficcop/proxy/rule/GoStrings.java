package io.trafficcop.proxy.rule;

import java.util.List;

/** Go's fmt verbs used in Traefik's error messages ({@code %q}, {@code %v} of a []string). */
final class GoStrings {
    private GoStrings() {
    }

    /** Go's strconv.Quote for printable text: double quotes, backslash escapes for quotes, backslashes and controls. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Go's %v of a []string: "[a b c]". */
    static String list(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }
}
