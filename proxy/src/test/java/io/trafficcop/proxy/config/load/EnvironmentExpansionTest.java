package io.trafficcop.proxy.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentExpansionTest {

    private static final Map<String, String> ENV = Map.of("HOST", "example.com", "PORT", "8080", "EMPTY", "");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Host(`${HOST}`)|Host(`example.com`)",
            ":${PORT}|:8080",
            "${MISSING}|${MISSING}",
            "${MISSING:-fallback}|fallback",
            "${EMPTY:-fallback}|fallback",
            "${HOST:-fallback}|example.com",
            "https://${1}/x|https://${1}/x",
            "/${path}|/${path}",
            "$${HOST}|${HOST}",
            "no variables|no variables",
            "${unclosed|${unclosed"})
    void expandsSetVariablesAndLeavesRegexReferencesAlone(String value, String expected) {
        assertThat(EnvironmentExpansion.expand(value, ENV)).isEqualTo(expected);
    }
}
