package io.trafficcop.proxy.config.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.types.Domain;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Binds Traefik's generated dynamic reference configurations (every option, YAML and TOML) into
 * {@link DynamicConfiguration} with unknown properties rejected, so the model recognizes every key.
 */
class DynamicModelReferenceTest {

    /**
     * Keys the bound model holds that the reference files leave out: defaults of sections the reference
     * omits (they sit inside sections whose components are all set, so only those a default creates).
     */
    private static final Set<String> KEYS_ADDED_BY_DEFAULTS =
            Set.of("http.middlewares.Middleware23.retry.maxRequestBodyBytes");

    record Format(String name, ObjectMapper mapper, String resource) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Format> formats() {
        return Stream.of(
                new Format("yaml", configure(new YAMLMapper()), "/traefik-reference/dynamic.reference.yaml"),
                new Format("toml", configure(new TomlMapper()), "/traefik-reference/dynamic.reference.toml"));
    }

    static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    private static DynamicConfiguration bind(Format format) throws IOException {
        try (InputStream in = DynamicModelReferenceTest.class.getResourceAsStream(format.resource())) {
            return format.mapper().readValue(in, DynamicConfiguration.class);
        }
    }

    private static JsonNode tree(Format format) throws IOException {
        try (InputStream in = DynamicModelReferenceTest.class.getResourceAsStream(format.resource())) {
            return format.mapper().readTree(in);
        }
    }

    @ParameterizedTest
    @MethodSource("formats")
    void bindsRouters(Format format) throws IOException {
        Router router = bind(format).http().routers().get("Router0");

        assertThat(router.entryPoints()).containsExactly("foobar", "foobar");
        assertThat(router.middlewares()).containsExactly("foobar", "foobar");
        assertThat(router.service()).isEqualTo("foobar");
        assertThat(router.rule()).isEqualTo("foobar");
        assertThat(router.ruleSyntax()).isEqualTo("foobar");
        assertThat(router.priority()).isEqualTo(42L);
        assertThat(router.tls().options()).isEqualTo("foobar");
        assertThat(router.tls().certResolver()).isEqualTo("foobar");
        assertThat(router.tls().domains()).hasSize(2)
                .first().isEqualTo(new Domain("foobar", List.of("foobar", "foobar")));
        assertThat(router.observability().accessLogs()).isTrue();
        assertThat(router.observability().traceVerbosity()).isEqualTo("foobar");
        assertThat(bind(format).http().routers()).containsOnlyKeys("Router0", "Router1");
    }

    @ParameterizedTest
    @MethodSource("formats")
    void bindsEachServiceKind(Format format) throws IOException {
        Map<String, Service> services = bind(format).http().services();

        Failover failover = services.get("Service01").failover();
        assertThat(failover.service()).isEqualTo("foobar");
        assertThat(failover.fallback()).isEqualTo("foobar");
        assertThat(failover.healthCheck()).isEqualTo(new ServiceHealthCheck());
        assertThat(services.get("Service01").loadBalancer()).isNull();

        HighestRandomWeight hrw = services.get("Service02").highestRandomWeight();
        assertThat(hrw.services()).containsExactly(new HrwService("foobar", 42), new HrwService("foobar", 42));
        assertThat(hrw.healthCheck()).isNotNull();

        LoadBalancer lb = services.get("Service03").loadBalancer();
        assertThat(lb.sticky().cookie()).isEqualTo(
                new Cookie("foobar", true, true, "foobar", 42, "foobar", "foobar"));
        assertThat(lb.servers()).containsExactly(new Server("foobar", 42, true), new Server("foobar", 42, true));
        assertThat(lb.strategy()).isEqualTo("foobar");
        assertThat(lb.healthCheck().interval()).isEqualTo(GoDuration.ofSeconds(42));
        assertThat(lb.healthCheck().status()).isEqualTo(42);
        assertThat(lb.healthCheck().followRedirects()).isTrue();
        assertThat(lb.healthCheck().headers()).containsEntry("name0", "foobar").containsEntry("name1", "foobar");
        assertThat(lb.passiveHealthCheck()).isEqualTo(new PassiveHealthCheck(GoDuration.ofSeconds(42), 42));
        assertThat(lb.passHostHeader()).isTrue();
        assertThat(lb.responseForwarding().flushInterval()).isEqualTo(GoDuration.ofSeconds(42));
        assertThat(lb.serversTransport()).isEqualTo("foobar");

        Mirroring mirroring = services.get("Service04").mirroring();
        assertThat(mirroring.service()).isEqualTo("foobar");
        assertThat(mirroring.mirrorBody()).isTrue();
        assertThat(mirroring.maxBodySize()).isEqualTo(42L);
        assertThat(mirroring.mirrors()).containsExactly(new MirrorService("foobar", 42), new MirrorService("foobar", 42));

        WeightedRoundRobin weighted = services.get("Service05").weighted();
        assertThat(weighted.services()).containsExactly(new WrrService("foobar", 42), new WrrService("foobar", 42));
        assertThat(weighted.sticky().cookie().maxAge()).isEqualTo(42);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void bindsMiddlewares(Format format) throws IOException {
        Map<String, Middleware> middlewares = bind(format).http().middlewares();

        assertThat(middlewares).hasSize(25);
        assertThat(middlewares.get("Middleware01").addPrefix()).isEqualTo(new AddPrefix("foobar"));
        assertThat(middlewares.get("Middleware01").stripPrefix()).isNull();
        assertThat(middlewares.get("Middleware02").basicAuth().users()).containsExactly("foobar", "foobar");
        assertThat(middlewares.get("Middleware05").circuitBreaker().responseCode()).isEqualTo(42);
        assertThat(middlewares.get("Middleware05").circuitBreaker().checkPeriod()).isEqualTo(GoDuration.ofSeconds(42));
        assertThat(middlewares.get("Middleware06").compress().minResponseBodyBytes()).isEqualTo(42);
        assertThat(middlewares.get("Middleware09").errors().status()).containsExactly("foobar", "foobar");
        assertThat(middlewares.get("Middleware09").errors().statusRewrites()).containsEntry("name0", 42);
        ForwardAuth forwardAuth = middlewares.get("Middleware10").forwardAuth();
        assertThat(forwardAuth.tls().caOptional()).isTrue();
        assertThat(forwardAuth.maxBodySize()).isEqualTo(42L);
        Headers headers = middlewares.get("Middleware12").headers();
        assertThat(headers.customRequestHeaders()).containsEntry("name1", "foobar");
        assertThat(headers.browserXssFilter()).isTrue();
        assertThat(headers.customBrowserXSSValue()).isEqualTo("foobar");
        assertThat(headers.forceSTSHeader()).isTrue();
        assertThat(headers.isDevelopment()).isTrue();
        assertThat(headers.stsSeconds()).isEqualTo(42L);
        IpAllowList ipAllowList = middlewares.get("Middleware13").ipAllowList();
        assertThat(ipAllowList.ipStrategy()).isEqualTo(new IpStrategy(42, List.of("foobar", "foobar"), 42));
        assertThat(ipAllowList.rejectStatusCode()).isEqualTo(42);
        assertThat(middlewares.get("Middleware15").inFlightReq().sourceCriterion().requestHeaderName()).isEqualTo("foobar");
        assertThat(middlewares.get("Middleware16").passTLSClientCert().info().subject().organizationalUnit()).isTrue();
        assertThat(middlewares.get("Middleware17").plugin()).containsOnlyKeys("PluginConf0", "PluginConf1");
        assertThat(middlewares.get("Middleware17").plugin().get("PluginConf0")).containsEntry("name0", "foobar");
        RateLimit rateLimit = middlewares.get("Middleware18").rateLimit();
        assertThat(rateLimit.average()).isEqualTo(42L);
        assertThat(rateLimit.burst()).isEqualTo(42L);
        assertThat(rateLimit.period()).isEqualTo(GoDuration.ofSeconds(42));
        assertThat(rateLimit.redis().tls().insecureSkipVerify()).isTrue();
        assertThat(rateLimit.redis().db()).isEqualTo(42);
        assertThat(middlewares.get("Middleware20").redirectScheme().port()).isEqualTo("foobar");
        assertThat(middlewares.get("Middleware23").retry().initialInterval()).isEqualTo(GoDuration.ofSeconds(42));
        assertThat(middlewares.get("Middleware24").stripPrefix().forceSlash()).isTrue();
        assertThat(middlewares.get("Middleware25").stripPrefixRegex().regex()).containsExactly("foobar", "foobar");
    }

    @ParameterizedTest
    @MethodSource("formats")
    void bindsServersTransports(Format format) throws IOException {
        ServersTransport transport = bind(format).http().serversTransports().get("ServersTransport0");

        assertThat(transport.maxIdleConnsPerHost()).isEqualTo(42);
        assertThat(transport.forwardingTimeouts()).isEqualTo(new ForwardingTimeouts(GoDuration.ofSeconds(42),
                GoDuration.ofSeconds(42), GoDuration.ofSeconds(42), GoDuration.ofSeconds(42), GoDuration.ofSeconds(42)));
        assertThat(transport.certificates()).containsExactly(
                new Certificate("foobar", "foobar"), new Certificate("foobar", "foobar"));
        assertThat(transport.disableHTTP2()).isTrue();
        assertThat(transport.rootCAs()).containsExactly("foobar", "foobar");
        assertThat(transport.spiffe().trustDomain()).isEqualTo("foobar");
    }

    @ParameterizedTest
    @MethodSource("formats")
    void bindsTcp(Format format) throws IOException {
        TcpConfiguration tcp = bind(format).tcp();

        TcpRouter router = tcp.routers().get("TCPRouter1");
        assertThat(router.rule()).isEqualTo("foobar");
        assertThat(router.tls().passthrough()).isTrue();
        assertThat(router.tls().domains()).hasSize(2);
        TcpLoadBalancer lb = tcp.services().get("TCPService01").loadBalancer();
        assertThat(lb.servers()).containsExactly(new TcpServer("foobar", true), new TcpServer("foobar", true));
        assertThat(lb.proxyProtocol().version()).isEqualTo(42);
        assertThat(lb.terminationDelay()).isEqualTo(42);
        assertThat(tcp.services().get("TCPService02").weighted().services()).hasSize(2);
        assertThat(tcp.middlewares().get("TCPMiddleware03").inFlightConn().amount()).isEqualTo(42L);
        assertThat(tcp.middlewares().get("TCPMiddleware01").ipAllowList().sourceRange()).hasSize(2);
        TcpServersTransport transport = tcp.serversTransports().get("TCPServersTransport0");
        assertThat(transport.terminationDelay()).isEqualTo(GoDuration.ofSeconds(42));
        assertThat(transport.tls().peerCertURI()).isEqualTo("foobar");
    }

    @ParameterizedTest
    @MethodSource("formats")
    void bindsUdp(Format format) throws IOException {
        UdpConfiguration udp = bind(format).udp();

        assertThat(udp.routers().get("UDPRouter0")).isEqualTo(new UdpRouter(List.of("foobar", "foobar"), "foobar"));
        assertThat(udp.services().get("UDPService01").loadBalancer().servers())
                .containsExactly(new UdpServer("foobar"), new UdpServer("foobar"));
        assertThat(udp.services().get("UDPService02").weighted().services())
                .containsExactly(new UdpWrrService("foobar", 42), new UdpWrrService("foobar", 42));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void bindsTls(Format format) throws IOException {
        TlsConfiguration tls = bind(format).tls();

        assertThat(tls.certificates()).containsExactly(
                new CertAndStores("foobar", "foobar", List.of("foobar", "foobar")),
                new CertAndStores("foobar", "foobar", List.of("foobar", "foobar")));
        TlsOptions options = tls.options().get("Options1");
        assertThat(options.minVersion()).isEqualTo("foobar");
        assertThat(options.clientAuth()).isEqualTo(new ClientAuth(List.of("foobar", "foobar"), "foobar"));
        assertThat(options.sniStrict()).isTrue();
        assertThat(options.alpnProtocols()).containsExactly("foobar", "foobar");
        assertThat(options.preferServerCipherSuites()).isTrue();
        TlsStore store = tls.stores().get("Store0");
        assertThat(store.defaultCertificate()).isEqualTo(new Certificate("foobar", "foobar"));
        assertThat(store.defaultGeneratedCert()).isEqualTo(
                new GeneratedCert("foobar", new Domain("foobar", List.of("foobar", "foobar"))));
    }

    /** Re-serialises the bound model: every key path of the reference file must come back. */
    @ParameterizedTest
    @MethodSource("formats")
    void bindsEveryKeyOfTheReference(Format format) throws IOException {
        Set<String> referencePaths = keyPaths(tree(format));
        Set<String> boundPaths = keyPaths(format.mapper().valueToTree(bind(format)));

        assertThat(referencePaths).hasSizeGreaterThan(500);
        assertThat(boundPaths).containsAll(referencePaths);
        Set<String> extra = new TreeSet<>(boundPaths);
        extra.removeAll(referencePaths);
        assertThat(extra).isEqualTo(KEYS_ADDED_BY_DEFAULTS);
    }

    private static Set<String> keyPaths(JsonNode root) {
        Set<String> paths = new TreeSet<>();
        collect(root, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                collect(field.getValue(), path, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, prefix + "[]", paths);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("formats")
    void rejectsAnUnknownKey(Format format) {
        String text = format.name().equals("yaml")
                ? "http:\n  routers:\n    r:\n      rulez: x\n"
                : "[http.routers.r]\nrulez = \"x\"\n";

        assertThatThrownBy(() -> format.mapper().readValue(text, DynamicConfiguration.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("rulez");
    }

    @Test
    void yamlAndTomlReferencesBindToTheSameModel() throws IOException {
        List<Format> both = formats().toList();

        assertThat(bind(both.get(0))).isEqualTo(bind(both.get(1)));
    }
}
