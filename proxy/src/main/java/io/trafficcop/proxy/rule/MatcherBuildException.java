package io.trafficcop.proxy.rule;

/** A matcher's arguments are invalid; the message is the Go error text, wrapped later as Traefik wraps it. */
final class MatcherBuildException extends Exception {
    private static final long serialVersionUID = 1L;

    MatcherBuildException(String message) {
        super(message, null, false, false);
    }
}
