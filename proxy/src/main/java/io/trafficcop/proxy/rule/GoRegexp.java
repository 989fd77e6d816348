package io.trafficcop.proxy.rule;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/** Go's regexp.Compile through RE2/J: same syntax, same acceptance, same error text. */
final class GoRegexp {
    private GoRegexp() {
    }

    /** Compiles or throws with Go's message ("error parsing regexp: ...: `...`"). */
    static Pattern compile(String expr) throws MatcherBuildException {
        try {
            return Pattern.compile(expr);
        } catch (PatternSyntaxException e) {
            String description = e.getDescription();
            String fragment = e.getPattern();
            if (description.contains("internal error")) {
                // RE2/J fails on an unmatched ')' with an internal error where Go reports ErrUnexpectedParen
                description = "unexpected )";
                fragment = expr;
            }
            throw new MatcherBuildException("error parsing regexp: " + description + ": `" + fragment + "`");
        }
    }

    /** Go's regexp.QuoteMeta. */
    static String quoteMeta(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append('\\');
            }
            if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
