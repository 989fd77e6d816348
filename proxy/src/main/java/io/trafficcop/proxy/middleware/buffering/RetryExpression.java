package io.trafficcop.proxy.middleware.buffering;

import io.trafficcop.proxy.middleware.predicate.OxyPredicate;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * buffering's {@code retryExpression} (vulcand/oxy buffer's retry predicates) in oxy's predicate language:
 * {@code IsNetworkError()} (the attempt ended in 502 Bad Gateway or 504 Gateway Timeout, which is how the proxy
 * answers a failed connection), {@code Attempts()} (the number of the attempt just made, from 1) and
 * {@code ResponseCode()}.
 */
final class RetryExpression {

    /** oxy's DefaultMaxRetryAttempts: however the expression reads, no more attempts than this are repeated. */
    static final int MAX_RETRY_ATTEMPTS = 10;

    /** What the expression sees of the attempt that just ended. */
    record Attempt(int number, int responseCode) {
    }

    private RetryExpression() {
    }

    /** @throws IllegalArgumentException naming the expression when it does not parse */
    static Predicate<Attempt> parse(String expression) {
        return OxyPredicate.parse("buffering.retryExpression", expression, new OxyPredicate.Functions<>() {
            @Override
            public ToDoubleFunction<Attempt> numeric(String name, List<Double> args) {
                return switch (name) {
                    case "Attempts" -> {
                        OxyPredicate.arity(name, args, 0);
                        yield Attempt::number;
                    }
                    case "ResponseCode" -> {
                        OxyPredicate.arity(name, args, 0);
                        yield Attempt::responseCode;
                    }
                    default -> null;
                };
            }

            @Override
            public Predicate<Attempt> condition(String name) {
                return name.equals("IsNetworkError") ? a -> a.responseCode() == 502 || a.responseCode() == 504 : null;
            }
        });
    }

    /** Whether the attempt is to be made again: the expression holds and oxy's cap is not reached. */
    static boolean retries(Predicate<Attempt> expression, Attempt attempt) {
        return attempt.number() <= MAX_RETRY_ATTEMPTS && expression.test(attempt);
    }
}
