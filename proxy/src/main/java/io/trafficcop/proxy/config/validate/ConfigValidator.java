package io.trafficcop.proxy.config.validate;

import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.install.FileProvider;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.load.CheckedDocument;
import io.trafficcop.proxy.config.load.ConfigBinder;
import io.trafficcop.proxy.config.load.StaticConfigFinder;
import io.trafficcop.proxy.config.load.StaticConfigLoader;
import io.trafficcop.proxy.provider.ProviderConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates Traefik configurations as {@code trafficcop --validate} does: the static configuration and
 * every dynamic configuration it reaches, reporting every problem with its file, line and path. Also used
 * as a library by the operator, on ConfigMap contents.
 */
public final class ConfigValidator {

    private ConfigValidator() {
    }

    /** Validates a static configuration file and every dynamic configuration its providers reach. */
    public static ValidationReport validate(Path staticConfigFile) {
        StaticConfigLoader.Loaded loaded = StaticConfigLoader.load(staticConfigFile.toString(), List.of(),
                System.getenv(), StaticConfigFinder.system(), StaticConfiguration.class, DynamicConfiguration.class);
        return validate(loaded, System.getenv());
    }

    /** Validates what {@link StaticConfigLoader} loaded, from whichever source. */
    public static ValidationReport validate(StaticConfigLoader.Loaded loaded, Map<String, String> environment) {
        List<Problem> errors = new ArrayList<>(loaded.errors());
        List<Problem> warnings = new ArrayList<>(loaded.warnings());
        if (!loaded.document().parsed()) {
            return new ValidationReport(errors, warnings);
        }
        StaticConfiguration config = ConfigBinder.bind(loaded.document().tree(), StaticConfiguration.class);
        errors.addAll(StaticValidator.validate(config, locator(loaded.document())));
        Optional<ProviderConfiguration> file = fileProviderConfiguration(config, loaded, environment);
        if (file.isPresent()) {
            DynamicConfigurationBuilder.Built built =
                    DynamicConfigurationBuilder.build(Map.of("file", file.get()), config);
            errors.addAll(built.errors());
            warnings.addAll(built.warnings());
        }
        return new ValidationReport(errors, warnings);
    }

    /** The file provider's configuration (files and the static file's dynamic sections), read once. */
    public static Optional<ProviderConfiguration> fileProviderConfiguration(StaticConfiguration config,
            StaticConfigLoader.Loaded loaded, Map<String, String> environment) {
        List<CheckedDocument> inline = loaded.inlineDynamic().map(List::of).orElse(List.of());
        FileProvider file = config.providers() == null ? null : config.providers().file();
        if (file == null && inline.isEmpty()) {
            return Optional.empty();
        }
        Path filename = file == null || empty(file.filename()) ? null : Path.of(file.filename());
        Path directory = file == null || empty(file.directory()) ? null : Path.of(file.directory());
        var provider = new io.trafficcop.proxy.provider.file.FileProvider(filename, directory, false,
                DynamicConfiguration.class, environment, inline);
        return Optional.of(provider.load());
    }

    /** Validates static configuration text (YAML or TOML, by the file name's extension). */
    public static ValidationReport validateStatic(String fileName, String content) {
        CheckedDocument document = CheckedDocument.parse(fileName, content, StaticConfiguration.class, Map.of());
        List<Problem> errors = new ArrayList<>(document.errors());
        if (document.parsed()) {
            StaticConfiguration config = ConfigBinder.bind(document.tree(), StaticConfiguration.class);
            errors.addAll(StaticValidator.validate(config, locator(document)));
        }
        return new ValidationReport(errors, document.warnings());
    }

    /** Validates dynamic configuration text (YAML or TOML, by the file name's extension). */
    public static ValidationReport validateDynamic(String fileName, String content) {
        CheckedDocument document = CheckedDocument.parse(fileName, content, DynamicConfiguration.class, Map.of());
        if (!document.parsed()) {
            return new ValidationReport(document.errors(), document.warnings());
        }
        io.trafficcop.proxy.provider.ConfigurationMerger merger = new io.trafficcop.proxy.provider.ConfigurationMerger();
        merger.add(document);
        ProviderConfiguration provider = new ProviderConfiguration("file", merger.merged(), document.errors(),
                document.warnings(), merger.locations());
        DynamicConfigurationBuilder.Built built = DynamicConfigurationBuilder.build(Map.of("file", provider), null);
        return new ValidationReport(built.errors(), built.warnings());
    }

    private static java.util.function.Function<String, Location> locator(CheckedDocument document) {
        return path -> {
            String current = path;
            while (true) {
                Integer line = document.lines().get(current);
                if (line != null) {
                    return new Location(document.source(), line);
                }
                int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
                if (cut <= 0) {
                    return new Location(document.source(), 0);
                }
                current = current.substring(0, cut);
            }
        };
    }

    private static boolean empty(String value) {
        return value == null || value.isEmpty();
    }
}
