package io.trafficcop.proxy.config.validate;

import java.nio.file.Path;
import java.util.List;

/**
 * Validates Traefik configurations the way {@code trafficcop --validate} does; used as a library by the
 * operator. (Stub: the real implementation lands with the configuration issue.)
 */
public final class ConfigValidator {

    private ConfigValidator() {
    }

    /** Validates a static configuration file and every dynamic configuration its providers reach. */
    public static ValidationReport validate(Path staticConfigFile) {
        return new ValidationReport(List.of(), List.of());
    }

    /** Validates static configuration text (YAML or TOML, by the file name's extension). */
    public static ValidationReport validateStatic(String fileName, String content) {
        return new ValidationReport(List.of(), List.of());
    }

    /** Validates dynamic configuration text (YAML or TOML, by the file name's extension). */
    public static ValidationReport validateDynamic(String fileName, String content) {
        return new ValidationReport(List.of(), List.of());
    }
}
