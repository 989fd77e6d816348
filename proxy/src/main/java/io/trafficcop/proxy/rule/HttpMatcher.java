package io.trafficcop.proxy.rule;

/** A compiled HTTP router rule (or part of one). Implementations are immutable and thread-safe. */
@FunctionalInterface
public interface HttpMatcher {
    boolean matches(RoutingRequest request);
}
