package io.trafficcop.operator.reconciler;

import io.trafficcop.operator.api.v1alpha1.TrafficCopSpec;
import io.trafficcop.operator.model.MountRules;
import io.trafficcop.operator.model.ProxyConfiguration;
import io.trafficcop.operator.model.StaticConfig;
import io.trafficcop.operator.model.StaticConfigReader;
import io.trafficcop.proxy.config.validate.Problem;
import io.trafficcop.proxy.config.validate.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The gate's verdict on the candidate configuration: valid (it may roll out) or not, with every error.
 *
 * @param candidate the configuration read from the user's ConfigMaps, null when it could not be read
 * @param reason the ConfigValid condition's reason
 * @param errors every error: the proxy validator's, then the operator's own ({@link MountRules})
 */
public record ConfigVerdict(ProxyConfiguration candidate, String reason, List<Problem> errors,
                            List<Problem> warnings) {

    public static final String VALID = "Valid";
    public static final String INVALID = "Invalid";

    public ConfigVerdict {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return candidate != null && errors.isEmpty();
    }

    /** Runs the gate and the operator's rules on what the sources yielded. */
    public static ConfigVerdict of(ConfigSources.Result sources, ConfigGate gate, TrafficCopSpec spec) {
        if (sources instanceof ConfigSources.Result.Missing missing) {
            return new ConfigVerdict(null, missing.reason(),
                    List.of(new Problem("TrafficCop", 0, "spec.config", missing.message())), List.of());
        }
        ProxyConfiguration candidate = ((ConfigSources.Result.Found) sources).configuration();
        ValidationReport report = gate.check(candidate);
        List<Problem> errors = new ArrayList<>(report.errors());
        try {
            StaticConfig parsed = StaticConfigReader.read(candidate.staticFileName(), candidate.staticContent());
            errors.addAll(MountRules.check(spec, candidate, parsed));
        } catch (IllegalArgumentException e) {
            if (report.valid()) { // the validator already reports unparseable files; never twice
                errors.add(new Problem(candidate.staticFileName(), 0, "", e.getMessage()));
            }
        }
        return new ConfigVerdict(candidate, errors.isEmpty() ? VALID : INVALID, errors, report.warnings());
    }

    /** The condition message: every error, one per line, as {@code trafficcop --validate} prints them. */
    public String message() {
        if (valid()) {
            String base = "configuration " + candidate.hash() + " is valid";
            return warnings.isEmpty() ? base : base + " with " + warnings.size() + " warning(s):\n"
                    + warnings.stream().map(Problem::toString).collect(Collectors.joining("\n"));
        }
        return errors.size() + " error(s):\n" + errors.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }
}
