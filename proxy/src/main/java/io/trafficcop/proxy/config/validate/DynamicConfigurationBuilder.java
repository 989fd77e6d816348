package io.trafficcop.proxy.config.validate;

import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.load.ConfigBinder;
import io.trafficcop.proxy.provider.ProviderConfiguration;
import io.trafficcop.proxy.rule.HttpRuleParser;
import io.trafficcop.proxy.rule.RuleException;
import io.trafficcop.proxy.rule.RuleSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the providers' configurations into one validated, qualified dynamic configuration: binds each
 * provider's tree, merges them under qualified names, and checks rules and references. Objects with
 * errors are listed as disabled, with their errors kept; everything else is ready to compile.
 */
public final class DynamicConfigurationBuilder {

    /**
     * The result: what to serve, and what was wrong.
     *
     * @param disabled objects not to serve, by {@link QualifiedConfiguration#key} ({@code http.routers.r@file})
     */
    public record Built(QualifiedConfiguration configuration, List<Problem> errors, List<Problem> warnings,
            Set<String> disabled) {
    }

    private DynamicConfigurationBuilder() {
    }

    /**
     * @param staticConfiguration the static configuration in force (entry points, default rule syntax), or
     *     null to skip the checks that need it
     */
    public static Built build(Map<String, ProviderConfiguration> providers, StaticConfiguration staticConfiguration) {
        return build(providers, staticConfiguration, true);
    }

    /**
     * @param checkRules whether to parse every rule here; the runtime leaves it to the route table, which
     *     parses each rule anyway and reports the same error, so that a reload parses each rule once
     */
    public static Built build(Map<String, ProviderConfiguration> providers, StaticConfiguration staticConfiguration,
            boolean checkRules) {
        List<QualifiedConfiguration.Part> parts = new ArrayList<>();
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        for (ProviderConfiguration provider : providers.values()) {
            DynamicConfiguration configuration = ConfigBinder.bind(provider.tree(), DynamicConfiguration.class);
            parts.add(new QualifiedConfiguration.Part(provider.provider(), configuration, provider::locationOf));
            errors.addAll(provider.errors());
            warnings.addAll(provider.warnings());
        }
        QualifiedConfiguration merged = QualifiedConfiguration.merge(parts);
        Set<String> entryPoints = staticConfiguration == null || staticConfiguration.entryPoints() == null
                ? null : staticConfiguration.entryPoints().keySet();
        String defaultSyntax = staticConfiguration == null || staticConfiguration.core() == null
                ? null : staticConfiguration.core().defaultRuleSyntax();
        DynamicValidator.Result result = DynamicValidator.validate(merged, entryPoints,
                checkRules ? (rule, syntax) -> checkRule(rule, syntax == null || syntax.isEmpty() ? defaultSyntax : syntax)
                        : (rule, syntax) -> Optional.empty());
        errors.addAll(result.errors());
        Set<String> disabled = new java.util.LinkedHashSet<>(result.disabled());
        for (ProviderConfiguration provider : providers.values()) {
            for (String path : provider.brokenElements()) {
                int lastDot = path.lastIndexOf('.');
                if (lastDot > 0) {
                    disabled.add(QualifiedConfiguration.key(path.substring(0, lastDot),
                            QualifiedConfiguration.qualify(path.substring(lastDot + 1), provider.provider())));
                }
            }
        }
        return new Built(merged, errors, warnings, Set.copyOf(disabled));
    }

    private static Optional<String> checkRule(String rule, String syntax) {
        try {
            HttpRuleParser.parse(rule, RuleSyntax.of(syntax));
            return Optional.empty();
        } catch (RuleException e) {
            return Optional.of(e.getMessage());
        }
    }
}
