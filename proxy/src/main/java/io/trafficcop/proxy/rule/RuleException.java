package io.trafficcop.proxy.rule;

/** An invalid router rule; the message is the one Traefik reports for the router. */
public final class RuleException extends Exception {
    private static final long serialVersionUID = 1L;

    public RuleException(String message) {
        super(message);
    }
}
