package io.trafficcop.proxy.config.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.trafficcop.proxy.config.GoDuration;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Binds Traefik's generated static reference configurations (every option, placeholder values) in both
 * formats: no key may be unknown, every key must land in the model, and a sample of values from every
 * section must come through with the right type.
 */
class StaticModelReferenceTest {

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("yaml", strict(YAMLMapper.builder().build()), "static.reference.yaml"),
                Arguments.of("toml", strict(TomlMapper.builder().build()), "static.reference.toml"));
    }

    static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void bindsEveryKeyOfTheReference(String format, ObjectMapper mapper, String file) throws IOException {
        JsonNode reference = read(mapper, file);
        StaticConfiguration config = mapper.treeToValue(reference, StaticConfiguration.class);

        Set<String> boundPaths = keyPaths(mapper.valueToTree(config));

        assertThat(boundPaths).containsAll(keyPaths(reference));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void bindsEveryValueOfTheReference(String format, ObjectMapper mapper, String file) throws IOException {
        JsonNode reference = read(mapper, file);
        StaticConfiguration config = mapper.treeToValue(reference, StaticConfiguration.class);

        Map<String, Set<String>> bound = leafValues(mapper.valueToTree(config));

        leafValues(reference).forEach((path, values) ->
                assertThat(bound.get(path)).as(path).isNotNull().containsAll(values));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void reSerialisedModelBindsToAnEqualModel(String format, ObjectMapper mapper, String file) throws IOException {
        StaticConfiguration config = mapper.treeToValue(read(mapper, file), StaticConfiguration.class);

        StaticConfiguration again = mapper.treeToValue(mapper.valueToTree(config), StaticConfiguration.class);

        assertThat(again).isEqualTo(config);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void bindsValuesOfEverySection(String format, ObjectMapper mapper, String file) throws IOException {
        StaticConfiguration c = mapper.treeToValue(read(mapper, file), StaticConfiguration.class);
        GoDuration d42 = GoDuration.ofSeconds(42);

        assertThat(c.global().checkNewVersion()).isTrue();
        assertThat(c.global().sendAnonymousUsage()).isTrue();

        assertThat(c.serversTransport().maxIdleConnsPerHost()).isEqualTo(42);
        assertThat(c.serversTransport().rootCAs()).containsExactly("foobar", "foobar");
        assertThat(c.serversTransport().forwardingTimeouts())
                .isEqualTo(new ForwardingTimeouts(d42, d42, d42));
        assertThat(c.serversTransport().spiffe().trustDomain()).isEqualTo("foobar");
        assertThat(c.tcpServersTransport().terminationDelay()).isEqualTo(d42);
        assertThat(c.tcpServersTransport().tls().spiffe().ids()).containsExactly("foobar", "foobar");

        EntryPoint ep = c.entryPoints().get("EntryPoint0");
        assertThat(ep.address()).isEqualTo("foobar");
        assertThat(ep.allowACMEByPass()).isTrue();
        assertThat(ep.transport().lifeCycle()).isEqualTo(new LifeCycle(d42, d42));
        assertThat(ep.transport().respondingTimeouts()).isEqualTo(new RespondingTimeouts(d42, d42, d42));
        assertThat(ep.transport().keepAliveMaxTime()).isEqualTo(d42);
        assertThat(ep.transport().keepAliveMaxRequests()).isEqualTo(42);
        assertThat(ep.proxyProtocol().trustedIPs()).containsExactly("foobar", "foobar");
        assertThat(ep.forwardedHeaders().connection()).containsExactly("foobar", "foobar");
        assertThat(ep.forwardedHeaders().addXForwardedSchemeHeaders()).isTrue();
        assertThat(ep.http().redirections().entryPoint()).isEqualTo(new RedirectEntryPoint("foobar", "foobar", true, 42L));
        assertThat(ep.http().middlewares()).containsExactly("foobar", "foobar");
        assertThat(ep.http().tls().domains()).hasSize(2).first()
                .isEqualTo(new Domain("foobar", java.util.List.of("foobar", "foobar")));
        assertThat(ep.http().encodedCharacters().allowEncodedHash()).isTrue();
        assertThat(ep.http().maxHeaderBytes()).isEqualTo(42);
        assertThat(ep.http().underscoreHeadersStrategy()).isEqualTo("foobar");
        assertThat(ep.http2().maxConcurrentStreams()).isEqualTo(42);
        assertThat(ep.http3().advertisedPort()).isEqualTo(42);
        assertThat(ep.udp().timeout()).isEqualTo(d42);
        assertThat(ep.observability().traceVerbosity()).isEqualTo("foobar");

        Providers p = c.providers();
        assertThat(p.providersThrottleDuration()).isEqualTo(d42);
        assertThat(p.docker().tls().insecureSkipVerify()).isTrue();
        assertThat(p.docker().httpClientTimeout()).isEqualTo(d42);
        assertThat(p.swarm().refreshSeconds()).isEqualTo(d42);
        assertThat(p.file()).isEqualTo(new FileProvider("foobar", true, "foobar", true));
        assertThat(p.kubernetesIngress().ingressEndpoint().publishedService()).isEqualTo("foobar");
        assertThat(p.kubernetesIngressNGINX().publishStatusAddress()).containsExactly("foobar", "foobar");
        assertThat(p.kubernetesCRD().allowCrossNamespace()).isTrue();
        assertThat(p.kubernetesGateway().statusAddress().service().namespace()).isEqualTo("foobar");
        assertThat(p.rest().insecure()).isTrue();
        assertThat(p.consulCatalog().endpoint().httpAuth().password()).isEqualTo("foobar");
        assertThat(p.consulCatalog().strictChecks()).containsExactly("foobar", "foobar");
        assertThat(p.nomad().endpoint().endpointWaitTime()).isEqualTo(d42);
        assertThat(p.ecs().refreshSeconds()).isEqualTo(42);
        assertThat(p.ecs().accessKeyID()).isEqualTo("foobar");
        assertThat(p.consul().namespaces()).containsExactly("foobar", "foobar");
        assertThat(p.etcd().password()).isEqualTo("foobar");
        assertThat(p.zooKeeper().endpoints()).containsExactly("foobar", "foobar");
        assertThat(p.redis().db()).isEqualTo(42);
        assertThat(p.redis().sentinel().useDisconnectedReplicas()).isTrue();
        assertThat(p.http().headers()).containsEntry("name1", "foobar");
        if (format.equals("yaml")) {
            assertThat(p.http().maxResponseBodySize()).isEqualTo(42L);
        } else {
            // Traefik's generated TOML writes this key after the [providers.http.headers] table, so TOML
            // semantics make it a header; the model binds what the file says.
            assertThat(p.http().headers()).containsEntry("maxResponseBodySize", "42");
        }
        assertThat(p.plugin().get("PluginConf1")).containsEntry("name0", "foobar");

        assertThat(c.api().basePath()).isEqualTo("foobar");
        assertThat(c.api().disableDashboardAd()).isTrue();

        assertThat(c.metrics().addInternals()).isTrue();
        assertThat(c.metrics().prometheus().buckets()).containsExactly(42.0, 42.0);
        assertThat(c.metrics().prometheus().headerLabels()).containsEntry("name0", "foobar");
        assertThat(c.metrics().datadog().pushInterval()).isEqualTo(d42);
        assertThat(c.metrics().statsD().prefix()).isEqualTo("foobar");
        assertThat(c.metrics().influxDB2().additionalLabels()).containsEntry("name1", "foobar");
        assertThat(c.metrics().otlp().grpc().tls().ca()).isEqualTo("foobar");
        assertThat(c.metrics().otlp().explicitBoundaries()).containsExactly(42.0, 42.0);

        assertThat(c.ping()).isEqualTo(new Ping("foobar", true, 42));

        assertThat(c.log().level()).isEqualTo("foobar");
        assertThat(c.log().noColor()).isTrue();
        assertThat(c.log().maxBackups()).isEqualTo(42);
        assertThat(c.log().otlp().http().headers()).containsEntry("name0", "foobar");

        assertThat(c.accessLog().filters().minDuration()).isEqualTo(d42);
        assertThat(c.accessLog().fields().headers().names()).containsEntry("name1", "foobar");
        assertThat(c.accessLog().bufferingSize()).isEqualTo(42L);
        assertThat(c.accessLog().otlp().grpc().insecure()).isTrue();

        assertThat(c.tracing().sampleRate()).isEqualTo(42.0);
        assertThat(c.tracing().safeQueryParams()).containsExactly("foobar", "foobar");
        assertThat(c.tracing().otlp().http().endpoint()).isEqualTo("foobar");
        assertThat(c.tracing().globalAttributes()).containsEntry("name0", "foobar");

        assertThat(c.hostResolver()).isEqualTo(new HostResolver(true, "foobar", 42));

        CertificateResolver resolver = c.certificatesResolvers().get("CertificateResolver1");
        assertThat(resolver.acme().certificatesDuration()).isEqualTo(42);
        assertThat(resolver.acme().clientResponseHeaderTimeout()).isEqualTo(d42);
        assertThat(resolver.acme().eab().hmacEncoded()).isEqualTo("foobar");
        assertThat(resolver.acme().dnsChallenge().propagation().delayBeforeChecks()).isEqualTo(d42);
        assertThat(resolver.acme().httpChallenge().entryPoint()).isEqualTo("foobar");
        assertThat(resolver.acme().tlsChallenge().delay()).isEqualTo(d42);
        assertThat(resolver.tailscale()).isEqualTo(new Tailscale());

        assertThat(c.experimental().plugins().get("Descriptor1").settings().mounts()).containsExactly("foobar", "foobar");
        assertThat(c.experimental().localPlugins().get("LocalDescriptor0").moduleName()).isEqualTo("foobar");
        assertThat(c.experimental().fastProxy().debug()).isTrue();
        assertThat(c.experimental().otlplogs()).isTrue();

        assertThat(c.core().defaultRuleSyntax()).isEqualTo("foobar");
        assertThat(c.spiffe().workloadAPIAddr()).isEqualTo("foobar");
        assertThat(c.ocsp().responderOverrides()).isEqualTo(Map.of("name0", "foobar", "name1", "foobar"));
    }

    private static JsonNode read(ObjectMapper mapper, String file) throws IOException {
        try (InputStream in = StaticModelReferenceTest.class.getResourceAsStream("/traefik-reference/" + file)) {
            assertThat(in).as(file).isNotNull();
            return mapper.readTree(in);
        }
    }

    /** Dotted key paths of every leaf; list elements share their list's path, so duplicates collapse. */
    static Set<String> keyPaths(JsonNode node) {
        Set<String> paths = new TreeSet<>();
        collect(node, "", paths);
        return paths;
    }

    /** Leaf values by dotted key path, numbers normalised so that 42, 42.0 and "42" compare equal. */
    static Map<String, Set<String>> leafValues(JsonNode node) {
        Map<String, Set<String>> values = new TreeMap<>();
        collectValues(node, "", values);
        return values;
    }

    private static void collectValues(JsonNode node, String path, Map<String, Set<String>> values) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(e ->
                    collectValues(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), values));
        } else if (node.isArray() && !node.isEmpty()) {
            node.forEach(element -> collectValues(element, path, values));
        } else {
            values.computeIfAbsent(path, p -> new TreeSet<>()).add(normalise(node));
        }
    }

    private static String normalise(JsonNode leaf) {
        if (leaf.isContainerNode()) {
            return leaf.toString();
        }
        String text = leaf.asText();
        try {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(e -> collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), paths));
        } else if (node.isArray() && !node.isEmpty()) {
            node.forEach(element -> collect(element, path, paths));
        } else {
            paths.add(path);
        }
    }
}
