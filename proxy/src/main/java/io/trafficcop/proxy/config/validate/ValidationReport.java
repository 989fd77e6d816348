package io.trafficcop.proxy.config.validate;

import java.util.List;

/** Everything a validation found: errors make a configuration invalid, warnings do not. */
public record ValidationReport(List<Problem> errors, List<Problem> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
