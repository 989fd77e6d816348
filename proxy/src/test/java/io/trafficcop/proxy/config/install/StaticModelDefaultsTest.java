package io.trafficcop.proxy.config.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.trafficcop.proxy.config.GoDuration;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Traefik's defaults (its {@code SetDefaults} methods, its command's initial configuration and the
 * install-configuration reference docs), checked on a configuration where every optional section is
 * present but empty, and on one where they are all absent.
 */
class StaticModelDefaultsTest {

    private static StaticConfiguration yaml;
    private static StaticConfiguration toml;

    @BeforeAll
    static void bindFixtures() throws IOException {
        yaml = bind(YAMLMapper.builder().build(), "empty-sections.yaml");
        toml = bind(TomlMapper.builder().build(), "empty-sections.toml");
    }

    private static StaticConfiguration bind(ObjectMapper mapper, String file) throws IOException {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = StaticModelDefaultsTest.class.getResourceAsStream("/config/install/" + file)) {
            return mapper.readValue(in, StaticConfiguration.class);
        }
    }

    private static GoDuration s(long seconds) {
        return GoDuration.ofSeconds(seconds);
    }

    private static Arguments row(String key, Function<StaticConfiguration, Object> value, Object expected) {
        return Arguments.of(key, value, expected);
    }

    private static EntryPoint web(StaticConfiguration c) {
        return c.entryPoints().get("web");
    }

    private static Acme acme(StaticConfiguration c) {
        return c.certificatesResolvers().get("le").acme();
    }

    static Stream<Arguments> defaults() {
        String rule = "Host(`{{ normalize .Name }}`)";
        return Stream.of(
                row("global.checkNewVersion", c -> c.global().checkNewVersion(), true),
                row("global.sendAnonymousUsage", c -> c.global().sendAnonymousUsage(), false),
                row("serversTransport.insecureSkipVerify", c -> c.serversTransport().insecureSkipVerify(), false),
                row("serversTransport.maxIdleConnsPerHost", c -> c.serversTransport().maxIdleConnsPerHost(), 200),
                row("serversTransport.forwardingTimeouts.dialTimeout", c -> c.serversTransport().forwardingTimeouts().dialTimeout(), s(30)),
                row("serversTransport.forwardingTimeouts.responseHeaderTimeout",
                        c -> c.serversTransport().forwardingTimeouts().responseHeaderTimeout(), GoDuration.ZERO),
                row("serversTransport.forwardingTimeouts.idleConnTimeout", c -> c.serversTransport().forwardingTimeouts().idleConnTimeout(), s(90)),
                row("tcpServersTransport.dialKeepAlive", c -> c.tcpServersTransport().dialKeepAlive(), s(15)),
                row("tcpServersTransport.dialTimeout", c -> c.tcpServersTransport().dialTimeout(), s(30)),

                row("entryPoints.web.address", c -> web(c).address(), ":80"),
                row("entryPoints.web.allowACMEByPass", c -> web(c).allowACMEByPass(), false),
                row("entryPoints.web.reusePort", c -> web(c).reusePort(), false),
                row("entryPoints.web.asDefault", c -> web(c).asDefault(), false),
                row("entryPoints.web.transport.lifeCycle.requestAcceptGraceTimeout",
                        c -> web(c).transport().lifeCycle().requestAcceptGraceTimeout(), GoDuration.ZERO),
                row("entryPoints.web.transport.lifeCycle.graceTimeOut", c -> web(c).transport().lifeCycle().graceTimeOut(), s(10)),
                row("entryPoints.web.transport.respondingTimeouts.readTimeout",
                        c -> web(c).transport().respondingTimeouts().readTimeout(), s(60)),
                row("entryPoints.web.transport.respondingTimeouts.writeTimeout",
                        c -> web(c).transport().respondingTimeouts().writeTimeout(), GoDuration.ZERO),
                row("entryPoints.web.transport.respondingTimeouts.idleTimeout",
                        c -> web(c).transport().respondingTimeouts().idleTimeout(), s(180)),
                row("entryPoints.web.transport.keepAliveMaxTime", c -> web(c).transport().keepAliveMaxTime(), GoDuration.ZERO),
                row("entryPoints.web.transport.keepAliveMaxRequests", c -> web(c).transport().keepAliveMaxRequests(), 0),
                row("entryPoints.web.proxyProtocol.insecure", c -> web(c).proxyProtocol().insecure(), null),
                row("entryPoints.web.forwardedHeaders.insecure", c -> web(c).forwardedHeaders().insecure(), false),
                row("entryPoints.web.forwardedHeaders.trustedIPs", c -> web(c).forwardedHeaders().trustedIPs(), List.of()),
                row("entryPoints.web.forwardedHeaders.connection", c -> web(c).forwardedHeaders().connection(), List.of()),
                row("entryPoints.web.forwardedHeaders.addXForwardedSchemeHeaders",
                        c -> web(c).forwardedHeaders().addXForwardedSchemeHeaders(), false),
                row("entryPoints.web.http.redirections.entryPoint",
                        c -> web(c).http().redirections().entryPoint(),
                        new RedirectEntryPoint("websecure", "https", true, Long.MAX_VALUE - 1)),
                row("entryPoints.web.http.middlewares", c -> web(c).http().middlewares(), List.of()),
                row("entryPoints.web.http.tls", c -> web(c).http().tls(), new EntryPointTls(null, null, null)),
                row("entryPoints.web.http.encodedCharacters", c -> web(c).http().encodedCharacters(), null),
                row("entryPoints.web.http.encodeQuerySemicolons", c -> web(c).http().encodeQuerySemicolons(), false),
                row("entryPoints.web.http.sanitizePath", c -> web(c).http().sanitizePath(), true),
                row("entryPoints.web.http.maxHeaderBytes", c -> web(c).http().maxHeaderBytes(), 1_048_576),
                row("entryPoints.web.http.underscoreHeadersStrategy", c -> web(c).http().underscoreHeadersStrategy(), "keep"),
                row("entryPoints.web.http2.maxConcurrentStreams", c -> web(c).http2().maxConcurrentStreams(), 250),
                row("entryPoints.web.http2.maxDecoderHeaderTableSize", c -> web(c).http2().maxDecoderHeaderTableSize(), 4096),
                row("entryPoints.web.http2.maxEncoderHeaderTableSize", c -> web(c).http2().maxEncoderHeaderTableSize(), 4096),
                row("entryPoints.web.http3.advertisedPort", c -> web(c).http3().advertisedPort(), null),
                row("entryPoints.web.udp.timeout", c -> web(c).udp().timeout(), s(3)),
                row("entryPoints.web.observability", c -> web(c).observability(),
                        new EntryPointObservability(true, true, true, "minimal")),

                row("providers.providersThrottleDuration", c -> c.providers().providersThrottleDuration(), s(2)),
                row("providers.precedence", c -> c.providers().precedence(),
                        List.of("kubernetesgateway", "kubernetescrd", "kubernetes", "kubernetesingressnginx", "swarm", "docker",
                                "file", "redis", "knative", "consul", "consulcatalog", "nomad", "etcd", "ecs", "http",
                                "zookeeper", "rest")),
                row("providers.file", c -> c.providers().file(), new FileProvider(null, true, null, false)),
                row("providers.docker.exposedByDefault", c -> c.providers().docker().exposedByDefault(), true),
                row("providers.docker.watch", c -> c.providers().docker().watch(), true),
                row("providers.docker.endpoint", c -> c.providers().docker().endpoint(), "unix:///var/run/docker.sock"),
                row("providers.docker.defaultRule", c -> c.providers().docker().defaultRule(), rule),
                row("providers.swarm.refreshSeconds", c -> c.providers().swarm().refreshSeconds(), s(15)),
                row("providers.swarm.endpoint", c -> c.providers().swarm().endpoint(), "unix:///var/run/docker.sock"),
                row("providers.kubernetesIngress.throttleDuration", c -> c.providers().kubernetesIngress().throttleDuration(), null),
                row("providers.kubernetesIngressNGINX.ingressClass", c -> c.providers().kubernetesIngressNGINX().ingressClass(), "nginx"),
                row("providers.kubernetesIngressNGINX.controllerClass",
                        c -> c.providers().kubernetesIngressNGINX().controllerClass(), "k8s.io/ingress-nginx"),
                row("providers.kubernetesIngressNGINX.proxyBodySize", c -> c.providers().kubernetesIngressNGINX().proxyBodySize(), 1_048_576L),
                row("providers.kubernetesIngressNGINX.proxyNextUpstream",
                        c -> c.providers().kubernetesIngressNGINX().proxyNextUpstream(), "error timeout"),
                row("providers.kubernetesIngressNGINX.strictValidatePathType",
                        c -> c.providers().kubernetesIngressNGINX().strictValidatePathType(), true),
                row("providers.kubernetesGateway.qps", c -> c.providers().kubernetesGateway().qps(), 50),
                row("providers.kubernetesGateway.burst", c -> c.providers().kubernetesGateway().burst(), 100),
                row("providers.rest.insecure", c -> c.providers().rest().insecure(), null),
                row("providers.consulCatalog.prefix", c -> c.providers().consulCatalog().prefix(), "traefik"),
                row("providers.consulCatalog.refreshInterval", c -> c.providers().consulCatalog().refreshInterval(), s(15)),
                row("providers.consulCatalog.serviceName", c -> c.providers().consulCatalog().serviceName(), "traefik"),
                row("providers.consulCatalog.strictChecks", c -> c.providers().consulCatalog().strictChecks(), List.of("passing", "warning")),
                row("providers.nomad.endpoint.address", c -> c.providers().nomad().endpoint().address(), "http://127.0.0.1:4646"),
                row("providers.nomad.prefix", c -> c.providers().nomad().prefix(), "traefik"),
                row("providers.ecs.clusters", c -> c.providers().ecs().clusters(), List.of("default")),
                row("providers.ecs.refreshSeconds", c -> c.providers().ecs().refreshSeconds(), 15),
                row("providers.consul.endpoints", c -> c.providers().consul().endpoints(), List.of("127.0.0.1:8500")),
                row("providers.etcd.endpoints", c -> c.providers().etcd().endpoints(), List.of("127.0.0.1:2379")),
                row("providers.zooKeeper.endpoints", c -> c.providers().zooKeeper().endpoints(), List.of("127.0.0.1:2181")),
                row("providers.redis.endpoints", c -> c.providers().redis().endpoints(), List.of("127.0.0.1:6379")),
                row("providers.redis.rootKey", c -> c.providers().redis().rootKey(), "traefik"),
                row("providers.http.pollInterval", c -> c.providers().http().pollInterval(), s(5)),
                row("providers.http.pollTimeout", c -> c.providers().http().pollTimeout(), s(5)),
                row("providers.http.maxResponseBodySize", c -> c.providers().http().maxResponseBodySize(), -1L),

                row("api", c -> c.api(), new Api("/", false, true, false, false, "")),
                row("ping", c -> c.ping(), new Ping("traefik", false, 503)),
                row("log.level", c -> c.log().level(), "ERROR"),
                row("log.format", c -> c.log().format(), "common"),
                row("log.noColor", c -> c.log().noColor(), false),
                row("log.otlp.serviceName", c -> c.log().otlp().serviceName(), "traefik"),
                row("log.otlp.http.endpoint", c -> c.log().otlp().http().endpoint(), "https://localhost:4318"),

                row("metrics.prometheus", c -> c.metrics().prometheus(),
                        new Prometheus(List.of(0.1, 0.3, 1.2, 5.0), true, false, true, "traefik", false, null)),
                row("metrics.datadog", c -> c.metrics().datadog(),
                        new Datadog("localhost:8125", s(10), true, null, true, "traefik")),
                row("metrics.statsD", c -> c.metrics().statsD(),
                        new Statsd("localhost:8125", s(10), true, null, true, "traefik")),
                row("metrics.influxDB2.address", c -> c.metrics().influxDB2().address(), "http://localhost:8086"),
                row("metrics.otlp.http.endpoint", c -> c.metrics().otlp().http().endpoint(), "https://localhost:4318"),
                row("metrics.otlp.explicitBoundaries", c -> c.metrics().otlp().explicitBoundaries(),
                        List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0)),
                row("metrics.otlp.serviceName", c -> c.metrics().otlp().serviceName(), "traefik"),

                row("accessLog.format", c -> c.accessLog().format(), "common"),
                row("accessLog.fields.defaultMode", c -> c.accessLog().fields().defaultMode(), "keep"),
                row("accessLog.fields.headers.defaultMode", c -> c.accessLog().fields().headers().defaultMode(), "drop"),
                row("accessLog.fields.queryParameters.defaultMode",
                        c -> c.accessLog().fields().queryParameters().defaultMode(), "keep"),
                row("accessLog.filters", c -> c.accessLog().filters(), new AccessLogFilters(null, null, null)),

                row("tracing.serviceName", c -> c.tracing().serviceName(), "traefik"),
                row("tracing.sampleRate", c -> c.tracing().sampleRate(), 1.0),
                row("tracing.otlp.http.endpoint", c -> c.tracing().otlp().http().endpoint(), "https://localhost:4318"),
                row("tracing.otlp.grpc", c -> c.tracing().otlp().grpc(), null),

                row("hostResolver", c -> c.hostResolver(), new HostResolver(false, "/etc/resolv.conf", 5)),

                row("certificatesResolvers.le.acme.caServer", c -> acme(c).caServer(),
                        "https://acme-v02.api.letsencrypt.org/directory"),
                row("certificatesResolvers.le.acme.storage", c -> acme(c).storage(), "acme.json"),
                row("certificatesResolvers.le.acme.keyType", c -> acme(c).keyType(), "RSA4096"),
                row("certificatesResolvers.le.acme.certificatesDuration", c -> acme(c).certificatesDuration(), 2160),
                row("certificatesResolvers.le.acme.clientTimeout", c -> acme(c).clientTimeout(), s(120)),
                row("certificatesResolvers.le.acme.clientResponseHeaderTimeout", c -> acme(c).clientResponseHeaderTimeout(), s(30)),
                row("certificatesResolvers.le.acme.certificateTimeout", c -> acme(c).certificateTimeout(), s(30)),
                row("certificatesResolvers.le.acme.httpChallenge", c -> acme(c).httpChallenge(), null),
                row("certificatesResolvers.le.tailscale", c -> c.certificatesResolvers().get("le").tailscale(), new Tailscale()),

                row("core.defaultRuleSyntax", c -> c.core().defaultRuleSyntax(), "v3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void yamlHoldsTraefikDefault(String key, Function<StaticConfiguration, Object> value, Object expected) {
        assertThat(value.apply(yaml)).as(key).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void tomlHoldsTraefikDefault(String key, Function<StaticConfiguration, Object> value, Object expected) {
        assertThat(value.apply(toml)).as(key).isEqualTo(expected);
    }

    @Test
    void sectionsWhosePresenceEnablesSomethingStayNullWhenAbsent() throws IOException {
        StaticConfiguration c = YAMLMapper.builder().build().readValue("{}", StaticConfiguration.class);

        assertThat(c.entryPoints()).isEmpty();
        assertThat(c.api()).isNull();
        assertThat(c.ping()).isNull();
        assertThat(c.metrics()).isNull();
        assertThat(c.accessLog()).isNull();
        assertThat(c.tracing()).isNull();
        assertThat(c.hostResolver()).isNull();
        assertThat(c.certificatesResolvers()).isNull();
        assertThat(c.experimental()).isNull();
        assertThat(c.spiffe()).isNull();
        assertThat(c.ocsp()).isNull();
        assertThat(c.log().otlp()).isNull();
        assertThat(c.providers().file()).isNull();
        assertThat(c.providers().docker()).isNull();
        assertThat(c.providers().plugin()).isNull();
        assertThat(c.serversTransport().spiffe()).isNull();
        assertThat(c.tcpServersTransport().tls()).isNull();
    }

    @Test
    void entryPointWithOnlyAnAddressHasNoOptInFeatures() throws IOException {
        EntryPoint ep = YAMLMapper.builder().build().readValue("address: ':80'", EntryPoint.class);

        assertThat(ep.proxyProtocol()).isNull();
        assertThat(ep.http3()).isNull();
        assertThat(ep.http().tls()).isNull();
        assertThat(ep.http().redirections()).isNull();
    }

    @Test
    void partiallySetSectionKeepsDefaultsOfTheOtherKeys() throws IOException {
        EntryPointsTransport transport = YAMLMapper.builder().build()
                .readValue("respondingTimeouts: {readTimeout: 5s}", EntryPointsTransport.class);

        assertThat(transport.respondingTimeouts()).isEqualTo(new RespondingTimeouts(s(5), GoDuration.ZERO, s(180)));
        assertThat(transport.lifeCycle().graceTimeOut()).isEqualTo(s(10));
    }

    @Test
    void defaultsAreTheSameAsBindingNothing() {
        assertThat(new StaticConfiguration(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null).entryPoints()).isEmpty();
        assertThat(new Log(null, null, null, null, null, null, null, null, null))
                .isEqualTo(StaticConfiguration.DEFAULT_LOG);
    }
}
