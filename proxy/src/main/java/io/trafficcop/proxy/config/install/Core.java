package io.trafficcop.proxy.config.install;

/**
 * Core behaviour switches.
 *
 * <p>Traefik key: {@code core}.
 *
 * @param defaultRuleSyntax v3 or v2: the rule syntax of routers that do not set ruleSyntax
 */
public record Core(
        String defaultRuleSyntax) {

    public static final String DEFAULT_DEFAULT_RULE_SYNTAX = "v3";

    public Core {
        if (defaultRuleSyntax == null) {
            defaultRuleSyntax = DEFAULT_DEFAULT_RULE_SYNTAX;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static Core defaults() {
        return new Core(null);
    }
}
