package io.trafficcop.proxy.rule;

/**
 * Traefik's {@code http.routers.*.ruleSyntax} (and the {@code core.defaultRuleSyntax} fallback):
 * which matcher set a rule is written in. Anything other than "v2" means v3, as in Traefik's
 * {@code SyntaxParser}, which falls back to v3 for an unknown syntax.
 */
public enum RuleSyntax {
    V2, V3;

    /**
     * "v2" is {@link #V2}; null, "", "v3" and everything else is {@link #V3}. The comparison is exact, as
     * Traefik's parser lookup: "V2" selects v3.
     */
    public static RuleSyntax of(String text) {
        if ("v2".equals(text)) {
            return V2;
        }
        return V3;
    }
}
