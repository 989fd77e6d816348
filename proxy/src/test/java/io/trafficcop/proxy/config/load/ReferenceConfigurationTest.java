package io.trafficcop.proxy.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.validate.Problem;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's generated reference configurations list every option: each must be recognized. */
class ReferenceConfigurationTest {

    private static String resource(String name) throws Exception {
        try (InputStream in = ReferenceConfigurationTest.class.getResourceAsStream("/traefik-reference/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "static.reference.yaml, static", "static.reference.toml, static",
            "dynamic.reference.yaml, dynamic", "dynamic.reference.toml, dynamic"})
    void everyReferenceKeyIsRecognizedAndBinds(String file, String kind) throws Exception {
        Class<?> root = kind.equals("static") ? StaticConfiguration.class : DynamicConfiguration.class;
        CheckedDocument document = CheckedDocument.parse(file, resource(file), root, Map.of());
        assertThat(document.parsed()).isTrue();
        assertThat(document.errors()).map(Problem::toString).noneMatch(p -> p.contains("unknown field"));
        assertThat(document.errors()).map(Problem::toString).isEmpty();
        assertThat(ConfigBinder.bind(document.tree(), root)).isNotNull();
    }
}
