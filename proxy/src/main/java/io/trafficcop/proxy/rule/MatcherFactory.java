package io.trafficcop.proxy.rule;

import java.util.List;
import java.util.Map;

/** Builds the matcher of one rule leaf; the exception message is the Go error Traefik's builder returns. */
@FunctionalInterface
interface MatcherFactory {
    HttpMatcher build(List<String> args) throws MatcherBuildException;

    /** The matcher set of one syntax, keyed by canonical matcher name. */
    interface Table {
        Map<String, MatcherFactory> factories();
    }
}
