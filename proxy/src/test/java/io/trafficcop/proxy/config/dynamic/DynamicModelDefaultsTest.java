package io.trafficcop.proxy.config.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.trafficcop.proxy.config.GoDuration;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Traefik's defaults, applied when a section is bound from an empty mapping ({@code {}}). */
class DynamicModelDefaultsTest {

    private static final ObjectMapper MAPPER =
            new YAMLMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Stream<Arguments> defaults() {
        return Stream.of(
                // http services
                row(LoadBalancer.class, "passHostHeader", true),
                row(LoadBalancer.class, "strategy", "wrr"),
                row(LoadBalancer.class, "responseForwarding", new ResponseForwarding(GoDuration.ofMillis(100))),
                row(Server.class, "weight", 1),
                row(Server.class, "preservePath", false),
                row(HealthCheck.class, "mode", "http"),
                row(HealthCheck.class, "method", "GET"),
                row(HealthCheck.class, "interval", GoDuration.ofSeconds(30)),
                row(HealthCheck.class, "unhealthyInterval", GoDuration.ofSeconds(30)),
                row(HealthCheck.class, "timeout", GoDuration.ofSeconds(5)),
                row(HealthCheck.class, "followRedirects", true),
                row(PassiveHealthCheck.class, "failureWindow", GoDuration.ofSeconds(10)),
                row(PassiveHealthCheck.class, "maxFailedAttempts", 1),
                row(Cookie.class, "path", "/"),
                row(Cookie.class, "secure", false),
                row(Cookie.class, "httpOnly", false),
                row(Cookie.class, "maxAge", 0),
                row(WrrService.class, "weight", 1),
                row(HrwService.class, "weight", 1),
                row(Mirroring.class, "mirrorBody", true),
                row(Mirroring.class, "maxBodySize", -1L),
                row(FailoverErrors.class, "maxRequestBodyBytes", -1L),
                // http servers transports
                row(ServersTransport.class, "maxIdleConnsPerHost", 2),
                row(ServersTransport.class, "forwardingTimeouts", new ForwardingTimeouts(GoDuration.ofSeconds(30),
                        GoDuration.ZERO, GoDuration.ofSeconds(90), GoDuration.ZERO, GoDuration.ofSeconds(15))),
                row(ForwardingTimeouts.class, "dialTimeout", GoDuration.ofSeconds(30)),
                row(ForwardingTimeouts.class, "responseHeaderTimeout", GoDuration.ZERO),
                row(ForwardingTimeouts.class, "idleConnTimeout", GoDuration.ofSeconds(90)),
                row(ForwardingTimeouts.class, "readIdleTimeout", GoDuration.ZERO),
                row(ForwardingTimeouts.class, "pingTimeout", GoDuration.ofSeconds(15)),
                // routers
                row(RouterObservabilityConfig.class, "traceVerbosity", "minimal"),
                // middlewares
                row(RateLimit.class, "burst", 1L),
                row(RateLimit.class, "period", GoDuration.ofSeconds(1)),
                row(Redis.class, "endpoints", List.of("localhost:6379")),
                row(Redis.class, "readTimeout", GoDuration.ofSeconds(3)),
                row(Redis.class, "writeTimeout", GoDuration.ofSeconds(3)),
                row(Redis.class, "dialTimeout", GoDuration.ofSeconds(5)),
                row(Retry.class, "initialInterval", GoDuration.ZERO),
                row(Retry.class, "maxRequestBodyBytes", 2L * 1024 * 1024),
                row(CircuitBreaker.class, "checkPeriod", GoDuration.ofMillis(100)),
                row(CircuitBreaker.class, "fallbackDuration", GoDuration.ofSeconds(10)),
                row(CircuitBreaker.class, "recoveryDuration", GoDuration.ofSeconds(10)),
                row(CircuitBreaker.class, "responseCode", 503),
                row(Compress.class, "minResponseBodyBytes", 1024),
                row(Compress.class, "encodings", List.of("gzip", "br", "zstd")),
                row(ForwardAuth.class, "maxBodySize", -1L),
                row(BasicAuth.class, "realm", "traefik"),
                row(DigestAuth.class, "realm", "traefik"),
                row(IpAllowList.class, "rejectStatusCode", 403),
                row(Buffering.class, "memRequestBodyBytes", 1_048_576L),
                row(Buffering.class, "memResponseBodyBytes", 1_048_576L),
                row(Buffering.class, "maxRequestBodyBytes", 0L),
                row(Buffering.class, "maxResponseBodyBytes", 0L),
                row(RedirectScheme.class, "permanent", false),
                row(RedirectRegex.class, "permanent", false),
                // tcp
                row(TcpServersTransport.class, "dialTimeout", GoDuration.ofSeconds(30)),
                row(TcpServersTransport.class, "dialKeepAlive", GoDuration.ofSeconds(15)),
                row(TcpServersTransport.class, "terminationDelay", GoDuration.ofMillis(100)),
                row(ProxyProtocol.class, "version", 2),
                row(TcpHealthCheck.class, "interval", GoDuration.ofSeconds(30)),
                row(TcpHealthCheck.class, "unhealthyInterval", GoDuration.ofSeconds(30)),
                row(TcpHealthCheck.class, "timeout", GoDuration.ofSeconds(5)),
                row(TcpWrrService.class, "weight", 1),
                row(TcpServer.class, "tls", false),
                row(RouterTcpTlsConfig.class, "passthrough", false),
                // udp
                row(UdpWrrService.class, "weight", 1),
                // tls
                row(TlsOptions.class, "alpnProtocols", List.of("h2", "http/1.1", "acme-tls/1")),
                row(TlsOptions.class, "sniStrict", false),
                // clientAuthType stays absent: with caFiles Go reads it as RequireAndVerifyClientCert
                row(TlsOptions.class, "clientAuth", new ClientAuth(null, null)));
    }

    private static Arguments row(Class<? extends Record> type, String component, Object expected) {
        return Arguments.of(type.getSimpleName() + "." + component, type, component, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void appliesTraefikDefault(String name, Class<? extends Record> type, String component, Object expected)
            throws Exception {
        Record bound = MAPPER.readValue("{}", type);

        assertThat(valueOf(bound, component)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void canonicalConstructorAppliesDefaultForNull(String name, Class<? extends Record> type, String component, Object expected)
            throws Exception {
        Record fromNulls = instantiateWithNulls(type);

        assertThat(valueOf(fromNulls, component)).isEqualTo(expected);
    }

    static Stream<Arguments> optionalSections() {
        return Stream.of(
                Arguments.of(LoadBalancer.class, List.of("sticky", "healthCheck", "passiveHealthCheck", "servers",
                        "serversTransport")),
                Arguments.of(Service.class, List.of("loadBalancer", "weighted", "mirroring", "failover",
                        "highestRandomWeight", "middlewares")),
                Arguments.of(Middleware.class, Arrays.stream(Middleware.class.getRecordComponents())
                        .map(RecordComponent::getName).toList()),
                Arguments.of(Router.class, List.of("tls", "observability", "priority", "ruleSyntax", "entryPoints")),
                Arguments.of(WeightedRoundRobin.class, List.of("sticky", "healthCheck")),
                Arguments.of(Failover.class, List.of("healthCheck", "errors")),
                Arguments.of(RateLimit.class, List.of("sourceCriterion", "redis", "average")),
                // null and an explicit value behave differently in Traefik (deprecation or security warnings)
                Arguments.of(ContentType.class, List.of("autoDetect")),
                Arguments.of(StripPrefix.class, List.of("forceSlash")),
                Arguments.of(ForwardAuth.class, List.of("trustForwardHeader", "maxResponseBodySize", "tls")),
                Arguments.of(TcpLoadBalancer.class, List.of("proxyProtocol", "healthCheck", "terminationDelay")),
                Arguments.of(TcpServersTransport.class, List.of("proxyProtocol", "tls")),
                Arguments.of(DynamicConfiguration.class, List.of("http", "tcp", "udp", "tls")));
    }

    /** Sections whose mere presence means something stay {@code null} when absent. */
    @ParameterizedTest
    @MethodSource("optionalSections")
    void optionalSectionStaysNull(Class<? extends Record> type, List<String> components) throws Exception {
        Record bound = MAPPER.readValue("{}", type);

        for (String component : components) {
            assertThat(valueOf(bound, component)).as(type.getSimpleName() + "." + component).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void defaultSurvivesSerialisationRoundTrip(String name, Class<? extends Record> type, String component, Object expected)
            throws Exception {
        Record bound = MAPPER.readValue("{}", type);
        Object explicit = MAPPER.convertValue(MAPPER.valueToTree(bound), type);

        assertThat(valueOf((Record) explicit, component)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("unhealthyIntervals")
    void unhealthyIntervalFollowsInterval(String yaml, Class<? extends Record> type, GoDuration expected) throws Exception {
        Record bound = MAPPER.readValue(yaml, type);

        assertThat(valueOf(bound, "unhealthyInterval")).isEqualTo(expected);
    }

    static Stream<Arguments> unhealthyIntervals() {
        return Stream.of(
                Arguments.of("interval: 10s", HealthCheck.class, GoDuration.ofSeconds(10)),
                Arguments.of("{interval: 10s, unhealthyInterval: 2s}", HealthCheck.class, GoDuration.ofSeconds(2)),
                Arguments.of("interval: 7", TcpHealthCheck.class, GoDuration.ofSeconds(7)),
                Arguments.of("{interval: 7, unhealthyInterval: 1m}", TcpHealthCheck.class, GoDuration.ofSeconds(60)));
    }

    private static Object valueOf(Record record, String component) throws Exception {
        return record.getClass().getMethod(component).invoke(record);
    }

    private static Record instantiateWithNulls(Class<? extends Record> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return type.getDeclaredConstructor(types).newInstance(new Object[components.length]);
    }
}
