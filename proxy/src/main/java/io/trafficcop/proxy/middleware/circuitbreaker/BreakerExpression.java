package io.trafficcop.proxy.middleware.circuitbreaker;

import java.util.ArrayList;
import java.util.List;

/**
 * Traefik's circuitBreaker {@code expression} (vulcand/oxy cbreaker predicates): {@code NetworkErrorRatio()},
 * {@code ResponseCodeRatio(from, to, dividedByFrom, dividedByTo)}, {@code LatencyAtQuantileMS(quantile)}, numbers,
 * comparisons ({@code < <= > >= == !=}), {@code &&}, {@code ||} and parentheses.
 */
final class BreakerExpression {

    /** A compiled condition over the breaker's metrics. */
    interface Condition {
        boolean test(BreakerMetrics metrics);
    }

    private interface Value {
        double eval(BreakerMetrics metrics);
    }

    private final String text;
    private final List<String> tokens;
    private int pos;

    private BreakerExpression(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    /** @throws IllegalArgumentException naming the expression when it does not parse or is not a condition */
    static Condition parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("circuitBreaker.expression is required");
        }
        BreakerExpression p = new BreakerExpression(expression);
        Condition c = p.or();
        if (p.pos != p.tokens.size()) {
            throw p.error("unexpected \"" + p.tokens.get(p.pos) + "\"");
        }
        return c;
    }

    private Condition or() {
        Condition left = and();
        while (accept("||")) {
            Condition l = left;
            Condition r = and();
            left = m -> l.test(m) || r.test(m);
        }
        return left;
    }

    private Condition and() {
        Condition left = comparison();
        while (accept("&&")) {
            Condition l = left;
            Condition r = comparison();
            left = m -> l.test(m) && r.test(m);
        }
        return left;
    }

    private Condition comparison() {
        if (peek("(") && isParenthesizedCondition()) {
            expect("(");
            Condition inner = or();
            expect(")");
            return inner;
        }
        Value left = value();
        String op = pos < tokens.size() ? tokens.get(pos) : "";
        if (!List.of("<", "<=", ">", ">=", "==", "!=").contains(op)) {
            throw error("expected a comparison after a metric");
        }
        pos++;
        Value right = value();
        return switch (op) {
            case "<" -> m -> left.eval(m) < right.eval(m);
            case "<=" -> m -> left.eval(m) <= right.eval(m);
            case ">" -> m -> left.eval(m) > right.eval(m);
            case ">=" -> m -> left.eval(m) >= right.eval(m);
            case "==" -> m -> left.eval(m) == right.eval(m);
            default -> m -> left.eval(m) != right.eval(m);
        };
    }

    /** Whether the parenthesis at pos encloses a condition (contains a comparison or logical operator). */
    private boolean isParenthesizedCondition() {
        int depth = 0;
        for (int i = pos; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("(")) {
                depth++;
            } else if (t.equals(")")) {
                depth--;
                if (depth == 0) {
                    return false;
                }
            } else if (depth == 1 && List.of("<", "<=", ">", ">=", "==", "!=", "&&", "||").contains(t)) {
                return true;
            }
        }
        return false;
    }

    private Value value() {
        if (pos >= tokens.size()) {
            throw error("unexpected end");
        }
        String t = tokens.get(pos++);
        if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.') {
            double d = Double.parseDouble(t);
            return m -> d;
        }
        if (t.equals("(")) {
            Value v = value();
            expect(")");
            return v;
        }
        expect("(");
        List<Double> args = new ArrayList<>();
        while (!peek(")")) {
            if (!args.isEmpty()) {
                expect(",");
            }
            String a = pos < tokens.size() ? tokens.get(pos++) : "";
            try {
                args.add(Double.parseDouble(a));
            } catch (NumberFormatException e) {
                throw error("expected a number argument, got \"" + a + "\"");
            }
        }
        expect(")");
        return switch (t) {
            case "NetworkErrorRatio" -> {
                arity(t, args, 0);
                yield BreakerMetrics::networkErrorRatio;
            }
            case "ResponseCodeRatio" -> {
                arity(t, args, 4);
                int a = args.get(0).intValue();
                int b = args.get(1).intValue();
                int c = args.get(2).intValue();
                int d = args.get(3).intValue();
                yield m -> m.responseCodeRatio(a, b, c, d);
            }
            case "LatencyAtQuantileMS" -> {
                arity(t, args, 1);
                double q = args.get(0);
                yield m -> m.latencyAtQuantileMillis(q);
            }
            default -> throw error("unsupported function \"" + t + "\"");
        };
    }

    private void arity(String function, List<Double> args, int n) {
        if (args.size() != n) {
            throw error(function + " takes " + n + " argument(s), got " + args.size());
        }
    }

    private boolean peek(String t) {
        return pos < tokens.size() && tokens.get(pos).equals(t);
    }

    private boolean accept(String t) {
        if (peek(t)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String t) {
        if (!accept(t)) {
            throw error("expected \"" + t + "\"");
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("invalid circuitBreaker.expression \"" + text + "\": " + message);
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (Character.isDigit(c) || c == '.') {
                int j = i;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (i + 1 < s.length() && List.of("&&", "||", "<=", ">=", "==", "!=").contains(s.substring(i, i + 2))) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else if ("()<>,".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                throw new IllegalArgumentException("invalid circuitBreaker.expression \"" + s + "\": unexpected '"
                        + c + "'");
            }
        }
        return out;
    }
}
