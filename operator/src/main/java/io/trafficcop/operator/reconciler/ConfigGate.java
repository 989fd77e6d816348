package io.trafficcop.operator.reconciler;

import io.trafficcop.operator.model.ProxyConfiguration;
import io.trafficcop.proxy.config.validate.ValidationReport;

/**
 * Decides whether a Traefik configuration may roll out. The production gate is the proxy's own validator
 * ({@link ProxyConfigGate}); tests substitute their own verdicts.
 */
@FunctionalInterface
public interface ConfigGate {

    /** Validates the static file and every dynamic file of {@code configuration}. */
    ValidationReport check(ProxyConfiguration configuration);
}
