package io.trafficcop.proxy.rule;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * gorilla/mux's route templates (Traefik v2 syntax, through Traefik's containous/mux fork):
 * {@code /path/{name}} or {@code /path/{name:regexp}} compiled to one anchored regexp, exactly as
 * {@code newRouteRegexp} does. The default variable pattern is {@code [^/]+} for paths, {@code [^.]+} for
 * hosts and {@code .*} for queries; host templates are case-insensitive; prefix templates are not anchored
 * at the end; a query template with an empty value matches any value.
 */
final class MuxTemplate {
    enum Type { PATH, PREFIX, HOST, QUERY }

    final Pattern pattern;
    final List<String> varNames;

    private MuxTemplate(Pattern pattern, List<String> varNames) {
        this.pattern = pattern;
        this.varNames = varNames;
    }

    static MuxTemplate compile(String tpl, Type type) throws MatcherBuildException {
        List<Integer> idxs = braceIndices(tpl);
        String defaultPattern = switch (type) {
            case QUERY -> ".*";
            case HOST -> "[^.]+";
            default -> "[^/]+";
        };
        StringBuilder pattern = new StringBuilder();
        if (type == Type.HOST) {
            pattern.append("(?i)");
        }
        pattern.append('^');
        List<String> names = new ArrayList<>();
        int end = 0;
        for (int i = 0; i < idxs.size(); i += 2) {
            String raw = tpl.substring(end, idxs.get(i));
            end = idxs.get(i + 1);
            String inner = tpl.substring(idxs.get(i) + 1, end - 1);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            String patt = colon < 0 ? defaultPattern : inner.substring(colon + 1);
            if (name.isEmpty() || patt.isEmpty()) {
                throw new MatcherBuildException("mux: missing name or pattern in " + GoStrings.quote(tpl.substring(idxs.get(i), end)));
            }
            pattern.append(GoRegexp.quoteMeta(raw)).append("(?P<v").append(i / 2).append('>').append(patt).append(')');
            names.add(name);
            GoRegexp.compile("^" + patt + "$");
        }
        pattern.append(GoRegexp.quoteMeta(tpl.substring(end)));
        if (type == Type.QUERY) {
            int eq = tpl.indexOf('=');
            if (eq >= 0 && eq == tpl.length() - 1) {
                pattern.append(defaultPattern);
            }
        }
        if (type != Type.PREFIX) {
            pattern.append('$');
        }
        return new MuxTemplate(GoRegexp.compile(pattern.toString()), List.copyOf(names));
    }

    private static List<Integer> braceIndices(String s) throws MatcherBuildException {
        int level = 0;
        int idx = 0;
        List<Integer> idxs = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                if (++level == 1) {
                    idx = i;
                }
            } else if (c == '}') {
                if (--level == 0) {
                    idxs.add(idx);
                    idxs.add(i + 1);
                } else if (level < 0) {
                    throw new MatcherBuildException("mux: unbalanced braces in " + GoStrings.quote(s));
                }
            }
        }
        if (level != 0) {
            throw new MatcherBuildException("mux: unbalanced braces in " + GoStrings.quote(s));
        }
        return idxs;
    }
}
