package io.trafficcop.proxy.config.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Locale;
import java.util.Optional;

/** The file formats Traefik reads its configuration from, chosen by file extension as Traefik does. */
public enum ConfigFormat {
    YAML(new YAMLFactory()),
    TOML(new TomlFactory());

    private final JsonFactory factory;

    ConfigFormat(JsonFactory factory) {
        this.factory = factory;
    }

    JsonFactory factory() {
        return factory;
    }

    /** The format of a file named {@code fileName}, or empty when Traefik would not read it. */
    public static Optional<ConfigFormat> ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
            return Optional.of(YAML);
        }
        if (lower.endsWith(".toml")) {
            return Optional.of(TOML);
        }
        return Optional.empty();
    }
}
