package io.trafficcop.proxy.rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Compiles an HTTP router rule (Traefik's {@code http.routers.<name>.rule}, in the syntax named by
 * {@code ruleSyntax}) into a matcher tree, with Traefik's acceptance and error messages
 * (pkg/muxer/http/parser.go and mux.go {@code addRule}).
 *
 * <p>Error messages follow Traefik's wrapping: {@code parsing rule <rule>: <syntax error>} for a rule that
 * does not parse, {@code adding rule <rule>: error while checking rule Host: empty args for matcher Host, []}
 * for a matcher with missing or empty arguments, and {@code adding rule <rule>: error while adding rule
 * Path: path "css" does not start with a '/'} for a matcher that rejects its arguments (the left operand of
 * {@code &&}/{@code ||} adds {@code error while adding rule and: } as Traefik does).
 */
public final class HttpRuleParser {

    private static final RuleExpressionParser V3_PARSER = new RuleExpressionParser(V3Matchers.FACTORIES.keySet());
    private static final RuleExpressionParser V2_PARSER = new RuleExpressionParser(V2Matchers.FACTORIES.keySet());

    private static final RuleExpressionParser ALL_NAMES_PARSER = new RuleExpressionParser(allNames());

    private HttpRuleParser() {
    }

    private static java.util.Set<String> allNames() {
        java.util.Set<String> names = new java.util.HashSet<>(V3Matchers.FACTORIES.keySet());
        names.addAll(V2Matchers.FACTORIES.keySet());
        return names;
    }

    /**
     * Traefik's {@code ParseDomains} (used for ACME/TLS domains of a router): the lower-cased arguments of every
     * {@code Host} matcher of the rule (negated or not), in rule order; the rule may use v2 or v3 matcher names.
     *
     * @throws RuleException "error while parsing rule X: ..." if the rule does not parse
     */
    public static List<String> parseDomains(String rule) throws RuleException {
        RuleTree tree;
        try {
            tree = ALL_NAMES_PARSER.parse(rule == null ? "" : rule);
        } catch (RuleExpressionParser.ParseError e) {
            throw new RuleException("error while parsing rule " + rule + ": " + e.getMessage());
        }
        List<String> domains = new ArrayList<>();
        collectHosts(tree, domains);
        return List.copyOf(domains);
    }

    private static void collectHosts(RuleTree tree, List<String> out) {
        switch (tree) {
            case RuleTree.And and -> {
                collectHosts(and.left(), out);
                collectHosts(and.right(), out);
            }
            case RuleTree.Or or -> {
                collectHosts(or.left(), out);
                collectHosts(or.right(), out);
            }
            case RuleTree.Leaf leaf -> {
                if (leaf.matcher().equals("Host")) {
                    for (String v : leaf.values()) {
                        out.add(v.toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
    }

    /** Parses and compiles the rule; the result is immutable and thread-safe. */
    public static HttpMatcher parse(String rule, RuleSyntax syntax) throws RuleException {
        return compile(rule, syntax).matcher();
    }

    /** A compiled rule and, when every match requires one of a set of literal hosts, those hosts (lower case). */
    record Compiled(HttpMatcher matcher, List<String> hostKeys) {
    }

    static Compiled compile(String rule, RuleSyntax syntax) throws RuleException {
        boolean v2 = syntax == RuleSyntax.V2;
        RuleTree tree;
        try {
            tree = (v2 ? V2_PARSER : V3_PARSER).parse(rule == null ? "" : rule);
        } catch (RuleExpressionParser.ParseError e) {
            if (e.getMessage().equals("obtaining build tree")) {
                throw new RuleException(e.getMessage());
            }
            throw new RuleException("parsing rule " + rule + ": " + e.getMessage());
        }
        Map<String, MatcherFactory> factories = v2 ? V2Matchers.FACTORIES : V3Matchers.FACTORIES;
        HttpMatcher matcher;
        try {
            matcher = build(tree, factories);
        } catch (MatcherBuildException e) {
            throw new RuleException("adding rule " + rule + ": " + e.getMessage());
        }
        return new Compiled(matcher, hostKeys(matcher));
    }

    private static HttpMatcher build(RuleTree tree, Map<String, MatcherFactory> factories) throws MatcherBuildException {
        switch (tree) {
            case RuleTree.And and -> {
                return new Matchers.And(buildLeft("and", and.left(), factories), build(and.right(), factories));
            }
            case RuleTree.Or or -> {
                return new Matchers.Or(buildLeft("or", or.left(), factories), build(or.right(), factories));
            }
            case RuleTree.Leaf leaf -> {
                String name = leaf.matcher();
                if (leaf.values().isEmpty()) {
                    throw new MatcherBuildException("error while checking rule " + name + ": no args for matcher " + name);
                }
                for (String v : leaf.values()) {
                    if (v.isEmpty()) {
                        throw new MatcherBuildException("error while checking rule " + name + ": empty args for matcher "
                                + name + ", " + GoStrings.list(leaf.values()));
                    }
                }
                HttpMatcher m;
                try {
                    m = factories.get(name).build(new ArrayList<>(leaf.values()));
                } catch (MatcherBuildException e) {
                    throw new MatcherBuildException("error while adding rule " + name + ": " + e.getMessage());
                }
                return leaf.not() ? new Matchers.Not(m) : m;
            }
        }
    }

    private static HttpMatcher buildLeft(String op, RuleTree left, Map<String, MatcherFactory> factories)
            throws MatcherBuildException {
        try {
            return build(left, factories);
        } catch (MatcherBuildException e) {
            throw new MatcherBuildException("error while adding rule " + op + ": " + e.getMessage());
        }
    }

    /**
     * The literal hosts one of which every matching request must carry, or null: a (non-negated) Host leaf
     * gives its names, an AND gives the narrower of its operands' sets, an OR the union when both operands
     * have one.
     */
    static List<String> hostKeys(HttpMatcher matcher) {
        return switch (matcher) {
            case Matchers.HostBound h -> h.hostKeys();
            case Matchers.And and -> {
                List<String> l = hostKeys(and.left());
                List<String> r = hostKeys(and.right());
                if (l == null) {
                    yield r;
                }
                yield r == null || l.size() <= r.size() ? l : r;
            }
            case Matchers.Or or -> {
                List<String> l = hostKeys(or.left());
                List<String> r = hostKeys(or.right());
                if (l == null || r == null) {
                    yield null;
                }
                LinkedHashSet<String> union = new LinkedHashSet<>(l);
                union.addAll(r);
                yield List.copyOf(union);
            }
            default -> null;
        };
    }
}
