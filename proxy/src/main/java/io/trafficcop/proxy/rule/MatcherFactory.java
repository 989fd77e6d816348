package io.trafficcop.proxy.rule;

import java.util.List;

/** Builds the matcher of one rule leaf; the exception message is the Go error Traefik's builder returns. */
@FunctionalInterface
interface MatcherFactory {
    HttpMatcher build(List<String> args) throws MatcherBuildException;
}
