package io.trafficcop.proxy.config.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rows mirror the branches of Traefik's {@code Configuration.SetEffectiveConfiguration}. */
class EffectiveConfigurationTest {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static Stream<Arguments> entryPoints() {
        return Stream.of(
                Arguments.of("nothing configured", "{}", Map.of("http", ":80")),
                Arguments.of("user entry points are kept alone", "entryPoints: {web: {address: ':8000'}}",
                        Map.of("web", ":8000")),
                Arguments.of("ping on the traefik entry point", "ping: {}",
                        Map.of("http", ":80", "traefik", ":8080")),
                Arguments.of("ping routed manually", "ping: {manualRouting: true}", Map.of("http", ":80")),
                Arguments.of("ping on another entry point", "{entryPoints: {web: {address: ':81'}}, ping: {entryPoint: web}}",
                        Map.of("web", ":81")),
                Arguments.of("insecure api", "api: {insecure: true}", Map.of("http", ":80", "traefik", ":8080")),
                Arguments.of("secure api", "api: {}", Map.of("http", ":80")),
                Arguments.of("prometheus on the traefik entry point", "metrics: {prometheus: {}}",
                        Map.of("http", ":80", "traefik", ":8080")),
                Arguments.of("prometheus routed manually", "metrics: {prometheus: {manualRouting: true}}",
                        Map.of("http", ":80")),
                Arguments.of("insecure rest provider", "providers: {rest: {insecure: true}}",
                        Map.of("http", ":80", "traefik", ":8080")),
                Arguments.of("user-defined traefik entry point is kept",
                        "{entryPoints: {traefik: {address: ':9000'}}, ping: {}}", Map.of("traefik", ":9000")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryPoints")
    void addsTraefikImplicitEntryPoints(String name, String yaml, Map<String, String> expected) throws IOException {
        StaticConfiguration effective = EffectiveConfiguration.of(YAML.readValue(yaml, StaticConfiguration.class));

        Map<String, String> addresses = new TreeMap<>();
        effective.entryPoints().forEach((epName, ep) -> addresses.put(epName, ep.address()));
        assertThat(addresses).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entryPoints")
    void implicitEntryPointsHoldEntryPointDefaults(String name, String yaml, Map<String, String> expected) throws IOException {
        StaticConfiguration effective = EffectiveConfiguration.of(YAML.readValue(yaml, StaticConfiguration.class));

        effective.entryPoints().values().forEach(ep ->
                assertThat(ep.transport().lifeCycle().graceTimeOut()).isEqualTo(LifeCycle.DEFAULT_GRACE_TIME_OUT));
    }

    static Stream<Arguments> others() {
        return Stream.of(
                Arguments.of("precedence is lower-cased", "providers: {precedence: [File, KubernetesCRD]}",
                        (Check) c -> assertThat(c.providers().precedence()).containsExactly("file", "kubernetescrd")),
                Arguments.of("global attributes become resource attributes", "tracing: {globalAttributes: {a: b}}",
                        (Check) c -> assertThat(c.tracing().resourceAttributes()).isEqualTo(Map.of("a", "b"))),
                Arguments.of("resource attributes win over global attributes",
                        "tracing: {globalAttributes: {a: b}, resourceAttributes: {c: d}}",
                        (Check) c -> assertThat(c.tracing().resourceAttributes()).isEqualTo(Map.of("c", "d"))),
                Arguments.of("no tracing stays no tracing", "{}",
                        (Check) c -> assertThat(c.tracing()).isNull()),
                Arguments.of("default precedence", "{}",
                        (Check) c -> assertThat(c.providers().precedence()).isEqualTo(Providers.DEFAULT_PRECEDENCE)),
                Arguments.of("an entry point without a body is kept for the validator", "entryPoints: {web: }",
                        (Check) c -> assertThat(c.entryPoints()).containsOnlyKeys(List.of("web")).containsEntry("web", null)));
    }

    interface Check {
        void verify(StaticConfiguration effective);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("others")
    void normalisesLikeTraefik(String name, String yaml, Check check) throws IOException {
        check.verify(EffectiveConfiguration.of(YAML.readValue(yaml, StaticConfiguration.class)));
    }
}
