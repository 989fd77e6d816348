package io.trafficcop.proxy.middleware.predicate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * vulcand/oxy's predicate language, shared by Traefik's circuitBreaker {@code expression} and buffering
 * {@code retryExpression}: function calls (numeric ones compared, boolean ones alone), numbers, comparisons
 * ({@code < <= > >= == !=}), {@code &&}, {@code ||} and parentheses. What the functions are is given by
 * {@link Functions}.
 *
 * @param <T> what a compiled condition is tested against
 */
public final class OxyPredicate<T> {

    /** The functions an expression may call. */
    public interface Functions<T> {

        /**
         * The numeric function {@code name} with these (number) arguments, or null when there is none of this name.
         *
         * @throws IllegalArgumentException for wrong arguments (see {@link #arity})
         */
        ToDoubleFunction<T> numeric(String name, List<Double> args);

        /** The argument-less boolean function {@code name}, or null when there is none of this name. */
        default Predicate<T> condition(String name) {
            return null;
        }
    }

    private final String option;
    private final String text;
    private final Functions<T> functions;
    private final List<String> tokens;
    private int pos;

    private OxyPredicate(String option, String text, Functions<T> functions) {
        this.option = option;
        this.text = text;
        this.functions = functions;
        try {
            this.tokens = tokenize(text);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /**
     * @param option the configuration key, for error messages (e.g. {@code circuitBreaker.expression})
     * @throws IllegalArgumentException naming the option and expression when it does not parse or is not a condition
     */
    public static <T> Predicate<T> parse(String option, String expression, Functions<T> functions) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException(option + " is required");
        }
        OxyPredicate<T> p = new OxyPredicate<>(option, expression, functions);
        Predicate<T> c;
        try {
            c = p.or();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("invalid " + option)) {
                throw e;
            }
            throw p.error(e.getMessage());
        }
        if (p.pos != p.tokens.size()) {
            throw p.error("unexpected \"" + p.tokens.get(p.pos) + "\"");
        }
        return c;
    }

    private Predicate<T> or() {
        Predicate<T> left = and();
        while (accept("||")) {
            Predicate<T> l = left;
            Predicate<T> r = and();
            left = m -> l.test(m) || r.test(m);
        }
        return left;
    }

    private Predicate<T> and() {
        Predicate<T> left = comparison();
        while (accept("&&")) {
            Predicate<T> l = left;
            Predicate<T> r = comparison();
            left = m -> l.test(m) && r.test(m);
        }
        return left;
    }

    private Predicate<T> comparison() {
        if (peek("(") && isParenthesizedCondition()) {
            expect("(");
            Predicate<T> inner = or();
            expect(")");
            return inner;
        }
        if (pos + 1 < tokens.size() && tokens.get(pos + 1).equals("(")
                && functions.condition(tokens.get(pos)) != null) {
            Predicate<T> condition = functions.condition(tokens.get(pos));
            pos += 2;
            expect(")");
            return condition;
        }
        ToDoubleFunction<T> left = value();
        String op = pos < tokens.size() ? tokens.get(pos) : "";
        if (!List.of("<", "<=", ">", ">=", "==", "!=").contains(op)) {
            throw error("expected a comparison after a metric");
        }
        pos++;
        ToDoubleFunction<T> right = value();
        return switch (op) {
            case "<" -> m -> left.applyAsDouble(m) < right.applyAsDouble(m);
            case "<=" -> m -> left.applyAsDouble(m) <= right.applyAsDouble(m);
            case ">" -> m -> left.applyAsDouble(m) > right.applyAsDouble(m);
            case ">=" -> m -> left.applyAsDouble(m) >= right.applyAsDouble(m);
            case "==" -> m -> left.applyAsDouble(m) == right.applyAsDouble(m);
            default -> m -> left.applyAsDouble(m) != right.applyAsDouble(m);
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

    private ToDoubleFunction<T> value() {
        if (pos >= tokens.size()) {
            throw error("unexpected end");
        }
        String t = tokens.get(pos++);
        if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '.') {
            double d = Double.parseDouble(t);
            return m -> d;
        }
        if (t.equals("(")) {
            ToDoubleFunction<T> v = value();
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
        ToDoubleFunction<T> f = functions.numeric(t, args);
        if (f == null) {
            throw error("unsupported function \"" + t + "\"");
        }
        return f;
    }

    /** @throws IllegalArgumentException when a function gets the wrong number of arguments */
    public static void arity(String function, List<Double> args, int n) {
        if (args.size() != n) {
            throw new IllegalArgumentException(function + " takes " + n + " argument(s), got " + args.size());
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
        return new IllegalArgumentException("invalid " + option + " \"" + text + "\": " + message);
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
                throw new IllegalArgumentException("unexpected '" + c + "'");
            }
        }
        return out;
    }
}
