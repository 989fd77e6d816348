package io.trafficcop.operator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.operator.Fixtures;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StaticConfigReaderTest {

    static final String STATIC_TOML = """
            [entryPoints.web]
              address = ":8000"
            [entryPoints.websecure]
              address = ":8443"
              [entryPoints.websecure.transport.lifeCycle]
                requestAcceptGraceTimeout = "5s"
                graceTimeOut = "20s"
            [entryPoints.traefik]
              address = ":9000"
            [ping]
              entryPoint = "traefik"
            [providers.file]
              directory = "/etc/traefik/dynamic"
              watch = true
            """;

    static Stream<Arguments> sameConfigurationInBothFormats() {
        return Stream.of(Arguments.of("traefik.yml", Fixtures.STATIC_YAML), Arguments.of("traefik.toml", STATIC_TOML));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameConfigurationInBothFormats")
    void readsEntryPointsPingAndFileProvider(String fileName, String content) {
        StaticConfig config = StaticConfigReader.read(fileName, content);

        assertThat(config.entryPoints()).containsOnlyKeys("web", "websecure", "traefik");
        assertThat(config.entryPoints().get("web"))
                .isEqualTo(new StaticConfig.EntryPoint("web", 8000, "TCP", Duration.ZERO, Duration.ofSeconds(10)));
        assertThat(config.entryPoints().get("websecure").shutdownBudget()).isEqualTo(Duration.ofSeconds(25));
        assertThat(config.pingEntryPoint()).map(StaticConfig.EntryPoint::port).contains(9000);
        assertThat(config.ping()).map(StaticConfig.Ping::terminatingStatusCode).contains(503);
        assertThat(config.fileProvider()).contains(new StaticConfig.FileProvider("/etc/traefik/dynamic", null, true));
        assertThat(config.longestShutdownBudget()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void addsTraefikImplicitEntryPoints() {
        StaticConfig config = StaticConfigReader.read("traefik.yml", "ping: {}\n");

        assertThat(config.entryPoints()).containsOnlyKeys("http", "traefik");
        assertThat(config.entryPoints().get("http").port()).isEqualTo(80);
        assertThat(config.pingEntryPoint()).map(StaticConfig.EntryPoint::port).contains(8080);
        assertThat(config.fileProvider()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("addresses")
    void parsesAddresses(String address, int port, String protocol) {
        StaticConfig config = StaticConfigReader.read("traefik.yml",
                "entryPoints:\n  ep:\n    address: \"" + address + "\"\n");

        assertThat(config.entryPoints().get("ep").port()).isEqualTo(port);
        assertThat(config.entryPoints().get("ep").protocol()).isEqualTo(protocol);
    }

    static Stream<Arguments> addresses() {
        return Stream.of(
                Arguments.of(":80", 80, "TCP"),
                Arguments.of("0.0.0.0:443/tcp", 443, "TCP"),
                Arguments.of(":53/udp", 53, "UDP"),
                Arguments.of("[::]:8443", 8443, "TCP"));
    }

    @Test
    void readsKeysCaseInsensitivelyAndNumbersAsSeconds() {
        StaticConfig config = StaticConfigReader.read("traefik.yml", """
                entrypoints:
                  web:
                    Address: ":8000"
                    transport:
                      lifecycle:
                        graceTimeout: 42
                PING:
                  terminatingStatusCode: 204
                """);

        assertThat(config.entryPoints().get("web").graceTimeOut()).isEqualTo(Duration.ofSeconds(42));
        assertThat(config.ping()).map(StaticConfig.Ping::terminatingStatusCode).contains(204);
    }

    @Test
    void rejectsUnparseableDocumentsNamingTheFile() {
        assertThatThrownBy(() -> StaticConfigReader.read("traefik.yml", "entryPoints: [unclosed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("traefik.yml: not a valid YAML");
        assertThatThrownBy(() -> StaticConfigReader.read("traefik.yml", "entryPoints:\n  web:\n    address: nope\n"))
                .hasMessageContaining("entryPoints.web.address");
    }
}
