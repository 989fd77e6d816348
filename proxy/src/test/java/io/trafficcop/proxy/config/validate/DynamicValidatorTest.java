package io.trafficcop.proxy.config.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.load.CheckedDocument;
import io.trafficcop.proxy.provider.ConfigurationMerger;
import io.trafficcop.proxy.provider.ProviderConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each semantic validation error, with the file, line and path it names. */
class DynamicValidatorTest {

    private static final String SERVICE = """
              services:
                s:
                  loadBalancer:
                    servers:
                      - url: http://127.0.0.1:8080
            """;

    private static DynamicConfigurationBuilder.Built build(Map<String, String> providers) {
        Map<String, ProviderConfiguration> configurations = new LinkedHashMap<>();
        providers.forEach((provider, yaml) -> {
            CheckedDocument document = CheckedDocument.parse(provider + ".yml", yaml, DynamicConfiguration.class, Map.of());
            ConfigurationMerger merger = new ConfigurationMerger();
            merger.add(document);
            configurations.put(provider, new ProviderConfiguration(provider, merger.merged(), document.errors(),
                    document.warnings(), merger.locations(), merger.brokenElements()));
        });
        return DynamicConfigurationBuilder.build(configurations, null);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("bad rule", "http:\n  routers:\n    r:\n      rule: \"Host(`a`\"\n      service: s\n" + SERVICE,
                        "file.yml:4: http.routers.r.rule: "),
                Arguments.of("missing rule", "http:\n  routers:\n    r:\n      service: s\n" + SERVICE,
                        "file.yml:3: http.routers.r.rule: the rule is missing"),
                Arguments.of("name written with its provider", "http:\n  routers:\n    r@file:\n      service: s\n"
                        + SERVICE, "file.yml:3: http.routers.r@file.rule: the rule is missing"),
                Arguments.of("missing service", "http:\n  routers:\n    r:\n      rule: Path(`/`)\n",
                        "file.yml:3: http.routers.r.service: the service is missing on the router"),
                Arguments.of("unknown service", "http:\n  routers:\n    r:\n      rule: Path(`/`)\n      service: nope\n",
                        "file.yml:5: http.routers.r.service: service \"nope@file\" does not exist"),
                Arguments.of("unknown middleware", "http:\n  routers:\n    r:\n      rule: Path(`/`)\n      service: s\n"
                        + "      middlewares: [auth@other]\n" + SERVICE,
                        "file.yml:6: http.routers.r.middlewares[0]: middleware \"auth@other\" does not exist"),
                Arguments.of("chain cycle", "http:\n  middlewares:\n    a:\n      chain:\n        middlewares: [b]\n"
                        + "    b:\n      chain:\n        middlewares: [a]\n",
                        "file.yml:5: http.middlewares.a.chain.middlewares: recursion detected in a@file -> b@file -> a@file"),
                Arguments.of("invalid regex", "http:\n  middlewares:\n    m:\n      replacePathRegex:\n        regex: \"(\"\n"
                        + "        replacement: /x\n",
                        "file.yml:5: http.middlewares.m.replacePathRegex.regex: invalid regular expression \"(\": "),
                Arguments.of("invalid CIDR", "http:\n  middlewares:\n    m:\n      ipAllowList:\n        sourceRange: [10.0.0.0/33]\n",
                        "file.yml:5: http.middlewares.m.ipAllowList.sourceRange[0]: invalid IP or CIDR \"10.0.0.0/33\""),
                Arguments.of("invalid URL", "http:\n  services:\n    s:\n      loadBalancer:\n        servers:\n"
                        + "          - url: \"127.0.0.1:80\"\n",
                        "file.yml:6: http.services.s.loadBalancer.servers[0].url: invalid server URL \"127.0.0.1:80\""),
                Arguments.of("two service types", "http:\n  services:\n    s:\n      loadBalancer: {}\n"
                        + "      weighted:\n        services: [{name: s}]\n",
                        "file.yml:3: http.services.s: multi-types service not supported"),
                Arguments.of("no middleware type", "http:\n  middlewares:\n    m: {}\n",
                        "file.yml:3: http.middlewares.m: the middleware has no type"),
                Arguments.of("plugin", "http:\n  middlewares:\n    m:\n      plugin:\n        demo: {}\n",
                        "file.yml:4: http.middlewares.m.plugin: Traefik plugins are not supported by TrafficCop"),
                Arguments.of("unknown transport", "http:\n  services:\n    s:\n      loadBalancer:\n"
                        + "        serversTransport: tls\n        servers:\n          - url: http://a\n",
                        "file.yml:5: http.services.s.loadBalancer.serversTransport: servers transport \"tls@file\" does not exist"),
                Arguments.of("unknown strategy", "http:\n  services:\n    s:\n      loadBalancer:\n        strategy: fastest\n"
                        + "        servers:\n          - url: http://a\n",
                        "file.yml:5: http.services.s.loadBalancer.strategy: unknown load-balancing strategy \"fastest\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsEachErrorWithFileLineAndPath(String name, String yaml, String expectedPrefix) {
        DynamicConfigurationBuilder.Built built = build(Map.of("file", yaml));
        assertThat(built.errors()).map(Problem::toString).anySatisfy(line -> assertThat(line).startsWith(expectedPrefix));
    }

    @Test
    void namesAreQualifiedByProviderAndReferencesResolveAcrossProviders() {
        DynamicConfigurationBuilder.Built built = build(Map.of(
                "file", "http:\n  routers:\n    r:\n      rule: Path(`/`)\n      service: s@other\n"
                        + "      middlewares: [m@other]\n",
                "other", "http:\n  middlewares:\n    m:\n      chain:\n        middlewares: []\n" + SERVICE));
        assertThat(built.errors()).isEmpty();
        assertThat(built.configuration().routers()).containsOnlyKeys("r@file");
        assertThat(built.configuration().services()).containsOnlyKeys("s@other");
        assertThat(built.configuration().middlewares()).containsOnlyKeys("m@other");
    }

    @Test
    void internalServicesCanBeReferenced() {
        DynamicConfigurationBuilder.Built built = build(Map.of(
                "file", "http:\n  routers:\n    r:\n      rule: Path(`/`)\n      service: noop@internal\n"));
        assertThat(built.errors()).isEmpty();
    }

    @Test
    void onlyTheObjectsWithErrorsAreDisabled() {
        DynamicConfigurationBuilder.Built built = build(Map.of("file",
                "http:\n  routers:\n    good:\n      rule: Path(`/`)\n      service: s\n"
                        + "    bad:\n      rule: Path(`/`)\n      service: nope\n"
                        + "    typo:\n      rule: Path(`/`)\n      service: s\n      priorty: 3\n" + SERVICE));
        assertThat(built.disabled()).isEqualTo(Set.of("http.routers.bad@file", "http.routers.typo@file"));
        assertThat(built.errors()).map(Problem::path)
                .containsExactlyInAnyOrder("http.routers.bad.service", "http.routers.typo.priorty");
        assertThat(List.copyOf(built.configuration().routers().keySet())).contains("good@file");
    }
}
