package io.trafficcop.proxy.rule;

import java.util.List;

/**
 * Traefik's {@code rules.Tree}: the parsed rule before matchers are built. Negation is already pushed down
 * to the leaves (De Morgan), as Traefik's {@code notFunc} does at parse time.
 */
sealed interface RuleTree {

    /** A matcher call: canonical matcher name, its string arguments, and whether it is negated. */
    record Leaf(String matcher, List<String> values, boolean not) implements RuleTree {
    }

    record And(RuleTree left, RuleTree right) implements RuleTree {
    }

    record Or(RuleTree left, RuleTree right) implements RuleTree {
    }

    static RuleTree invert(RuleTree tree) {
        return switch (tree) {
            case Leaf l -> new Leaf(l.matcher(), l.values(), !l.not());
            case And a -> new Or(invert(a.left()), invert(a.right()));
            case Or o -> new And(invert(o.left()), invert(o.right()));
        };
    }
}
