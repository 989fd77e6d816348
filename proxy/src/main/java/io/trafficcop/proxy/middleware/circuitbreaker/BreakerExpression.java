package io.trafficcop.proxy.middleware.circuitbreaker;

import io.trafficcop.proxy.middleware.predicate.OxyPredicate;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Traefik's circuitBreaker {@code expression} (vulcand/oxy cbreaker predicates): {@code NetworkErrorRatio()},
 * {@code ResponseCodeRatio(from, to, dividedByFrom, dividedByTo)}, {@code LatencyAtQuantileMS(quantile)} in oxy's
 * predicate language ({@link OxyPredicate}).
 */
final class BreakerExpression {

    /** A compiled condition over the breaker's metrics. */
    interface Condition {
        boolean test(BreakerMetrics metrics);
    }

    private BreakerExpression() {
    }

    /** @throws IllegalArgumentException naming the expression when it does not parse or is not a condition */
    static Condition parse(String expression) {
        Predicate<BreakerMetrics> p = OxyPredicate.parse("circuitBreaker.expression", expression,
                BreakerExpression::function);
        return p::test;
    }

    private static ToDoubleFunction<BreakerMetrics> function(String name, List<Double> args) {
        return switch (name) {
            case "NetworkErrorRatio" -> {
                OxyPredicate.arity(name, args, 0);
                yield BreakerMetrics::networkErrorRatio;
            }
            case "ResponseCodeRatio" -> {
                OxyPredicate.arity(name, args, 4);
                int a = args.get(0).intValue();
                int b = args.get(1).intValue();
                int c = args.get(2).intValue();
                int d = args.get(3).intValue();
                yield m -> m.responseCodeRatio(a, b, c, d);
            }
            case "LatencyAtQuantileMS" -> {
                OxyPredicate.arity(name, args, 1);
                double q = args.get(0);
                yield m -> m.latencyAtQuantileMillis(q);
            }
            default -> null;
        };
    }
}
