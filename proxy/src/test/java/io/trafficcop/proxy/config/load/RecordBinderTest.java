package io.trafficcop.proxy.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The binder gives the records Jackson's data binding gave, configured as ConfigBinder configured it before: on
 * Traefik's reference configurations (every static and dynamic option, YAML and TOML), and on the cases where the
 * binding does more than copy a value.
 */
class RecordBinderTest {

    /** Jackson's binding as ConfigBinder used it: the reference the binder is held to. */
    private static final ObjectMapper JACKSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build();

    /** Traefik's reference configurations, then the cases below as dynamic files. */
    static Stream<Arguments> configurations() throws IOException {
        Stream<Arguments> references = Stream.of(
                reference("static.reference.yaml", StaticConfiguration.class),
                reference("static.reference.toml", StaticConfiguration.class),
                reference("dynamic.reference.yaml", DynamicConfiguration.class),
                reference("dynamic.reference.toml", DynamicConfiguration.class));
        return Stream.concat(references, cases().map(Arguments::get)
                .map(c -> Arguments.of(c[0], "dynamic.yml", c[1], DynamicConfiguration.class)));
    }

    private static Arguments reference(String file, Class<?> type) throws IOException {
        return Arguments.of(file, file, resource(file), type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void bindsAsJacksonDid(String description, String file, String content, Class<?> type) throws IOException {
        JsonNode tree = checkedTree(file, content, type);

        Object bound = ConfigBinder.bind(tree, type);

        assertThat(bound).isEqualTo(JACKSON.treeToValue(tree, type));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("an empty section Traefik lets a boolean stand for", """
                        http:
                          services:
                            s:
                              loadBalancer:
                                sticky: true
                                servers:
                                  - url: http://127.0.0.1:1
                        """),
                Arguments.of("a duration given as a bare number of seconds, and as Go text", """
                        http:
                          services:
                            s:
                              loadBalancer:
                                responseForwarding:
                                  flushInterval: 5
                                healthCheck:
                                  interval: 1m30s
                                  path: /health
                        """),
                Arguments.of("numbers and booleans given as text", """
                        http:
                          middlewares:
                            m:
                              rateLimit:
                                average: "100"
                                burst: "50"
                            h:
                              headers:
                                stsSeconds: "31536000"
                                forceSTSHeader: "true"
                        """),
                Arguments.of("lists and maps keep their order; list items may be sections", """
                        http:
                          middlewares:
                            h:
                              headers:
                                customRequestHeaders:
                                  z-last: "1"
                                  a-first: "2"
                                accessControlAllowMethods: [PUT, GET, DELETE]
                        tls:
                          certificates:
                            - certFile: /b.crt
                              keyFile: /b.key
                            - certFile: /a.crt
                              keyFile: /a.key
                              stores: [default]
                        """),
                Arguments.of("untyped plugin settings become maps, lists and scalars", """
                        http:
                          middlewares:
                            p:
                              plugin:
                                demo:
                                  name: x
                                  count: 3
                                  ratio: 0.5
                                  on: true
                                  tags: [a, b]
                                  nested:
                                    deeper: [1, {k: v}]
                        """),
                Arguments.of("keys spelt in any case", """
                        HTTP:
                          Routers:
                            r:
                              RULE: Host(`a`)
                              Service: s
                              PRIORITY: 7
                        """));
    }

    @Test
    void bindsTheValuesThemselves() {
        JsonNode tree = checkedTree("dynamic.yml", """
                http:
                  services:
                    s:
                      loadBalancer:
                        sticky: true
                        servers:
                          - url: http://127.0.0.1:1
                        responseForwarding:
                          flushInterval: 5
                """, DynamicConfiguration.class);

        var loadBalancer = ConfigBinder.bind(tree, DynamicConfiguration.class).http().services().get("s").loadBalancer();

        assertThat(loadBalancer.responseForwarding().flushInterval()).isEqualTo(GoDuration.parse("5s"));
        assertThat(loadBalancer.sticky()).isNotNull();
        assertThat(loadBalancer.servers()).extracting("url").containsExactly("http://127.0.0.1:1");
    }

    private static JsonNode checkedTree(String file, String content, Class<?> type) {
        CheckedDocument document = CheckedDocument.parse(file, content, type, Map.of());
        assertThat(document.errors()).as(file).isEmpty();
        return document.tree();
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = RecordBinderTest.class.getResourceAsStream("/traefik-reference/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
