package io.trafficcop.operator.reconciler;

import io.trafficcop.operator.model.ProxyConfiguration;
import io.trafficcop.proxy.config.validate.ConfigValidator;
import io.trafficcop.proxy.config.validate.Problem;
import io.trafficcop.proxy.config.validate.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The gate the operator runs in production: TrafficCop's {@code --validate}, used as a library. */
public final class ProxyConfigGate implements ConfigGate {

    @Override
    public ValidationReport check(ProxyConfiguration configuration) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        add(ConfigValidator.validateStatic(configuration.staticFileName(), configuration.staticContent()),
                errors, warnings);
        for (Map.Entry<String, String> file : configuration.dynamicFiles().entrySet()) {
            add(ConfigValidator.validateDynamic(file.getKey(), file.getValue()), errors, warnings);
        }
        return new ValidationReport(errors, warnings);
    }

    private static void add(ValidationReport report, List<Problem> errors, List<Problem> warnings) {
        errors.addAll(report.errors());
        warnings.addAll(report.warnings());
    }
}
