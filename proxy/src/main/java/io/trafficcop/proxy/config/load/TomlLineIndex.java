package io.trafficcop.proxy.config.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The line of each key in a TOML text. Jackson's TOML parser reports no locations, so this scans the
 * text for table headers ({@code [a.b]}, {@code [[a.b]]}) and key/value lines ({@code x.y = ...}),
 * producing the same raw paths as {@link ConfigTreeReader} ({@code a.b[0].c}). Keys inside inline tables
 * and multi-line values get the line of the nearest enclosing key.
 */
final class TomlLineIndex {

    private TomlLineIndex() {
    }

    static Map<String, Integer> index(String content) {
        Map<String, Integer> lines = new HashMap<>();
        Map<String, Integer> arrayTableCounts = new HashMap<>();
        List<String> table = List.of();
        String tablePath = "";
        int depth = 0;
        String multiLineQuote = null;
        String[] textLines = content.split("\r?\n", -1);
        for (int n = 0; n < textLines.length; n++) {
            String line = textLines[n];
            int lineNumber = n + 1;
            if (multiLineQuote != null) {
                if (line.contains(multiLineQuote)) {
                    multiLineQuote = null;
                }
                continue;
            }
            String trimmed = line.strip();
            if (depth == 0 && trimmed.startsWith("[")) {
                boolean arrayTable = trimmed.startsWith("[[");
                int close = trimmed.indexOf(arrayTable ? "]]" : "]");
                if (close > 0) {
                    table = splitKey(trimmed.substring(arrayTable ? 2 : 1, close));
                    String base = String.join(".", table);
                    if (arrayTable) {
                        int index = arrayTableCounts.merge(base, 1, Integer::sum) - 1;
                        tablePath = resolveArrays(base, arrayTableCounts) ;
                        tablePath = tablePath.substring(0, tablePath.length() - ("[" + (index) + "]").length())
                                + "[" + index + "]";
                        lines.putIfAbsent(tablePath.substring(0, tablePath.lastIndexOf('[')), lineNumber);
                    } else {
                        tablePath = resolveArrays(base, arrayTableCounts);
                    }
                    lines.put(tablePath, lineNumber);
                    putAncestors(lines, tablePath, lineNumber);
                    continue;
                }
            }
            if (depth == 0) {
                int equals = keyEnd(trimmed);
                if (equals > 0) {
                    List<String> key = splitKey(trimmed.substring(0, equals));
                    String path = tablePath;
                    for (String part : key) {
                        path = path.isEmpty() ? part : path + "." + part;
                        lines.putIfAbsent(path, lineNumber);
                    }
                    trimmed = trimmed.substring(equals + 1);
                }
            }
            depth += bracketBalance(trimmed);
            if (depth < 0) {
                depth = 0;
            }
            multiLineQuote = opensMultiLineString(trimmed);
        }
        return lines;
    }

    /** Rewrites {@code a.b.c} so that each prefix that is an array of tables points at its latest item. */
    private static String resolveArrays(String base, Map<String, Integer> counts) {
        String[] parts = base.split("\\.");
        StringBuilder resolved = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (String part : parts) {
            if (plain.length() > 0) {
                plain.append('.');
                resolved.append('.');
            }
            plain.append(part);
            resolved.append(part);
            Integer count = counts.get(plain.toString());
            if (count != null) {
                resolved.append('[').append(count - 1).append(']');
            }
        }
        return resolved.toString();
    }

    private static void putAncestors(Map<String, Integer> lines, String path, int lineNumber) {
        int dot = path.lastIndexOf('.');
        while (dot > 0) {
            lines.putIfAbsent(path.substring(0, dot), lineNumber);
            dot = path.lastIndexOf('.', dot - 1);
        }
    }

    /** Index of the '=' of a key/value line, or -1. */
    private static int keyEnd(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return -1;
        }
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '=') {
                return i;
            } else if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ' ' || c == '\t')) {
                return -1;
            }
        }
        return -1;
    }

    private static List<String> splitKey(String key) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '.') {
                parts.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().strip());
        return parts;
    }

    private static int bracketBalance(String text) {
        int balance = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                break;
            } else if (c == '[' || c == '{') {
                balance++;
            } else if (c == ']' || c == '}') {
                balance--;
            }
        }
        return balance;
    }

    private static String opensMultiLineString(String text) {
        for (String quote : new String[] {"\"\"\"", "'''"}) {
            int first = text.indexOf(quote);
            if (first >= 0 && text.indexOf(quote, first + 3) < 0) {
                return quote;
            }
        }
        return null;
    }
}
