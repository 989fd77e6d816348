package io.trafficcop.proxy.middleware;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Go {@code regexp.Regexp} for the middlewares: RE2/J has Go's syntax and matching; this adds Go's
 * {@code ReplaceAllString} (template {@code $1}, {@code ${1}}, {@code $name}, {@code ${name}}, {@code $$}, with Go's
 * rule that {@code $1x} names the group "1x", and Go's handling of empty matches), which RE2/J's Java-style
 * replacement does not share. Compiled once per snapshot; thread-safe.
 */
public final class GoRegexp {

    private final Pattern pattern;

    private GoRegexp(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * Go's {@code regexp.Compile}.
     *
     * @param option the configuration option, for the error message
     * @throws IllegalArgumentException {@code invalid regex "<expr>" (<option>): <Go's error>}
     */
    public static GoRegexp compile(String option, String expr) {
        try {
            return new GoRegexp(Pattern.compile(expr));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regex \"" + expr + "\" (" + option + "): " + e.getMessage(), e);
        }
    }

    public Pattern pattern() {
        return pattern;
    }

    /** Go's {@code MatchString}: whether the expression matches anywhere in {@code s}. */
    public boolean matches(CharSequence s) {
        return pattern.matcher(s).find();
    }

    /** Compiles a Go replacement template for this expression. */
    public Template template(String template) {
        return Template.parse(template, pattern.namedGroups());
    }

    /** Go's {@code ReplaceAllString(src, template)}. */
    public String replaceAll(String src, Template template) {
        Matcher m = pattern.matcher(src);
        StringBuilder out = null;
        int lastMatchEnd = 0;
        int searchPos = 0;
        int end = src.length();
        while (searchPos <= end) {
            if (!m.find(searchPos)) {
                break;
            }
            int start = m.start();
            int stop = m.end();
            if (out == null) {
                out = new StringBuilder(src.length() + 16);
            }
            out.append(src, lastMatchEnd, start);
            // Go: no replacement for an empty match right after the previous match
            if (stop > lastMatchEnd || start == 0) {
                template.expand(out, m);
            }
            lastMatchEnd = stop;
            int width = searchPos < end ? Character.charCount(src.codePointAt(searchPos)) : 0;
            if (searchPos + width > stop) {
                searchPos += width;
            } else if (searchPos + 1 > stop) {
                searchPos++;
            } else {
                searchPos = stop;
            }
        }
        if (out == null) {
            return src;
        }
        out.append(src, lastMatchEnd, end);
        return out.toString();
    }

    /** A parsed Go replacement template: literal text and group references. */
    public static final class Template {

        // each part is a String literal or an Integer group index (-1 for an unknown name: expands to nothing)
        private final Object[] parts;

        private Template(Object[] parts) {
            this.parts = parts;
        }

        static Template parse(String template, Map<String, Integer> names) {
            List<Object> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            String rest = template;
            while (!rest.isEmpty()) {
                int dollar = rest.indexOf('$');
                if (dollar < 0) {
                    break;
                }
                literal.append(rest, 0, dollar);
                rest = rest.substring(dollar + 1);
                if (!rest.isEmpty() && rest.charAt(0) == '$') {
                    literal.append('$');
                    rest = rest.substring(1);
                    continue;
                }
                boolean brace = !rest.isEmpty() && rest.charAt(0) == '{';
                String s = brace ? rest.substring(1) : rest;
                int i = 0;
                while (i < s.length()) {
                    int cp = s.codePointAt(i);
                    if (!Character.isLetter(cp) && !Character.isDigit(cp) && cp != '_') {
                        break;
                    }
                    i += Character.charCount(cp);
                }
                if (i == 0 || brace && (i >= s.length() || s.charAt(i) != '}')) {
                    literal.append('$'); // malformed: the $ is literal text
                    continue;
                }
                String name = s.substring(0, i);
                rest = s.substring(brace ? i + 1 : i);
                if (!literal.isEmpty()) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(groupIndex(name, names));
            }
            literal.append(rest);
            if (!literal.isEmpty()) {
                parts.add(literal.toString());
            }
            return new Template(parts.toArray());
        }

        private static Integer groupIndex(String name, Map<String, Integer> names) {
            int num = 0;
            for (int k = 0; k < name.length(); k++) {
                char c = name.charAt(k);
                if (c < '0' || c > '9' || num >= 100_000_000) {
                    num = -1;
                    break;
                }
                num = num * 10 + (c - '0');
            }
            if (name.charAt(0) == '0' && name.length() > 1) {
                num = -1;
            }
            if (num >= 0) {
                return num;
            }
            Integer named = names.get(name);
            return named == null ? -1 : named;
        }

        void expand(StringBuilder out, Matcher m) {
            for (Object part : parts) {
                if (part instanceof String literal) {
                    out.append(literal);
                } else {
                    int group = (Integer) part;
                    if (group >= 0 && group <= m.groupCount()) {
                        String value = m.group(group);
                        if (value != null) {
                            out.append(value);
                        }
                    }
                }
            }
        }
    }
}
