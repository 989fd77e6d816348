package io.trafficcop.proxy.config.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.trafficcop.proxy.config.GoDuration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Traefik reads every scalar from text (its file provider goes through a string node tree), so a quoted
 * number, an unquoted port or a bare-number duration all load; the records accept the same.
 */
class DynamicModelScalarsTest {

    private static final ObjectMapper YAML = new YAMLMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper TOML = new TomlMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Stream<Arguments> scalars() {
        return Stream.of(
                Arguments.of(YAML, "average: 100", RateLimit.class, "average", 100L),
                Arguments.of(YAML, "average: \"100\"", RateLimit.class, "average", 100L),
                Arguments.of(YAML, "burst: '50'", RateLimit.class, "burst", 50L),
                Arguments.of(YAML, "period: 1m", RateLimit.class, "period", GoDuration.ofSeconds(60)),
                Arguments.of(YAML, "period: 10", RateLimit.class, "period", GoDuration.ofSeconds(10)),
                Arguments.of(TOML, "average = \"100\"", RateLimit.class, "average", 100L),
                Arguments.of(TOML, "period = 10", RateLimit.class, "period", GoDuration.ofSeconds(10)),
                Arguments.of(YAML, "port: 443", RedirectScheme.class, "port", "443"),
                Arguments.of(TOML, "port = 443", RedirectScheme.class, "port", "443"),
                Arguments.of(YAML, "weight: \"3\"", Server.class, "weight", 3),
                Arguments.of(YAML, "passHostHeader: false", LoadBalancer.class, "passHostHeader", false),
                Arguments.of(YAML, "passHostHeader: \"false\"", LoadBalancer.class, "passHostHeader", false),
                Arguments.of(YAML, "dialTimeout: 1m30s", ForwardingTimeouts.class, "dialTimeout", GoDuration.ofSeconds(90)),
                Arguments.of(YAML, "dialTimeout: 5", ForwardingTimeouts.class, "dialTimeout", GoDuration.ofSeconds(5)),
                Arguments.of(YAML, "status: [500, \"502-599\"]", ErrorPage.class, "status", List.of("500", "502-599")),
                Arguments.of(YAML, "statusRewrites: {\"418\": 400, \"500-599\": 503}", ErrorPage.class, "statusRewrites",
                        Map.of("418", 400, "500-599", 503)),
                Arguments.of(TOML, "status = [\"500-599\"]", ErrorPage.class, "status", List.of("500-599")),
                Arguments.of(YAML, "amount: 10", InFlightReq.class, "amount", 10L),
                Arguments.of(YAML, "version: 1", ProxyProtocol.class, "version", 1));
    }

    /** Sections tagged {@code allowEmpty} in Traefik take {@code true} (empty section) or {@code false} (absent). */
    static Stream<Arguments> allowEmptySections() {
        return Stream.of(
                Arguments.of(YAML, "tls: true", Router.class, "tls", new RouterTlsConfig(null, null, null)),
                Arguments.of(YAML, "tls: 'true'", Router.class, "tls", new RouterTlsConfig(null, null, null)),
                Arguments.of(YAML, "tls: {}", Router.class, "tls", new RouterTlsConfig(null, null, null)),
                Arguments.of(YAML, "tls: false", Router.class, "tls", null),
                Arguments.of(YAML, "tls:", Router.class, "tls", null),
                Arguments.of(TOML, "tls = true", Router.class, "tls", new RouterTlsConfig(null, null, null)),
                Arguments.of(TOML, "[tls]", Router.class, "tls", new RouterTlsConfig(null, null, null)),
                Arguments.of(YAML, "sticky: {cookie: true}", LoadBalancer.class, "sticky",
                        new Sticky(new Cookie(null, null, null, null, null, null, null))),
                Arguments.of(YAML, "healthCheck: true", WeightedRoundRobin.class, "healthCheck", new ServiceHealthCheck()),
                Arguments.of(YAML, "healthCheck: {}", Failover.class, "healthCheck", new ServiceHealthCheck()),
                Arguments.of(YAML, "compress: true", Middleware.class, "compress", new Compress(null, null, null, null, null)),
                Arguments.of(YAML, "contentType: {}", Middleware.class, "contentType", new ContentType(null)),
                Arguments.of(YAML, "ipStrategy: true", IpAllowList.class, "ipStrategy", new IpStrategy(null, null, null)),
                Arguments.of(YAML, "tls: true", TcpRouter.class, "tls", new RouterTcpTlsConfig(null, null, null, null)),
                Arguments.of(YAML, "proxyProtocol: true", TcpServersTransport.class, "proxyProtocol", new ProxyProtocol(2)),
                Arguments.of(YAML, "healthCheck: true", TcpLoadBalancer.class, "healthCheck",
                        new TcpHealthCheck(null, null, null, null, null, null)),
                Arguments.of(YAML, "tls: true", TcpServersTransport.class, "tls",
                        new TlsClientConfig(null, null, null, null, null, null, null)),
                Arguments.of(YAML, "spiffe: true", ServersTransport.class, "spiffe", new Spiffe(null, null)));
    }

    @ParameterizedTest(name = "{2}: {1}")
    @MethodSource("allowEmptySections")
    void bindsAllowEmptySectionAsTraefikDoes(ObjectMapper mapper, String text, Class<? extends Record> type,
            String component, Object expected) throws Exception {
        Record bound = mapper.readValue(text, type);

        assertThat(type.getMethod(component).invoke(bound)).isEqualTo(expected);
    }

    /**
     * Traefik matches keys case-insensitively (paerser compares with {@code strings.EqualFold}); the loader gets
     * the same with {@link MapperFeature#ACCEPT_CASE_INSENSITIVE_PROPERTIES}, names of routers etc. keep their case.
     */
    @ParameterizedTest
    @MethodSource("mappers")
    void bindsKeysCaseInsensitivelyWhenTheMapperAllowsIt(ObjectMapper mapper, String text) throws Exception {
        ObjectMapper caseInsensitive = mapper.copy().configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true);

        Router router = caseInsensitive.readValue(text, DynamicConfiguration.class).http().routers().get("MyRouter");

        assertThat(router.rule()).isEqualTo("Host(`a`)");
        assertThat(router.entryPoints()).containsExactly("web");
    }

    static Stream<Arguments> mappers() {
        return Stream.of(
                Arguments.of(YAML, "HTTP:\n  Routers:\n    MyRouter:\n      RULE: Host(`a`)\n      entrypoints: [web]\n"),
                Arguments.of(TOML, "[Http.routers.MyRouter]\nRule = \"Host(`a`)\"\nEntryPoints = [\"web\"]\n"));
    }

    @ParameterizedTest(name = "{2}: {1}")
    @MethodSource("scalars")
    void bindsScalarAsTraefikDoes(ObjectMapper mapper, String text, Class<? extends Record> type, String component,
            Object expected) throws Exception {
        Record bound = mapper.readValue(text, type);

        assertThat(type.getMethod(component).invoke(bound)).isEqualTo(expected);
    }
}
