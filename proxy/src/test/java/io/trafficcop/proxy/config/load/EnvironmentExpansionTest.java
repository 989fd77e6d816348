package io.trafficcop.proxy.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("t.yml", "log:\n  level: ${HOST}\n", "example.com"),
                Arguments.of("t.yml", "log:\n  level: \"\\x24{HOST}\"\n", "example.com"),
                Arguments.of("t.yml", "log:\n  level: \"\\u0024{PORT}\"\n", "8080"),
                Arguments.of("t.toml", "[log]\nlevel = \"\\u0024{HOST}\"\n", "example.com"),
                Arguments.of("t.yml", "log:\n  level: plain\n", "plain"));
    }

    /** A parsed document's values are expanded however the dollar was written (the text is searched for it first). */
    @ParameterizedTest
    @MethodSource("documents")
    void expandsTheValuesOfAParsedDocument(String file, String text, String expected) {
        CheckedDocument document = CheckedDocument.parse(file, text, Root.class, ENV);
        assertThat(document.errors()).isEmpty();
        assertThat(document.tree().at("/log/level").asText()).isEqualTo(expected);
    }

    record Root(Log log) {
    }

    record Log(String level) {
    }
}
