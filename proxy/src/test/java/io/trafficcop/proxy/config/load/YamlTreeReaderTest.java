package io.trafficcop.proxy.config.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event-stream reader gives the tree and the lines the node-graph reader gives, and documents it does not handle
 * itself (anchors, merge keys, repeated keys, errors) come out exactly as the node graph reads them.
 */
class YamlTreeReaderTest {

    static Stream<Arguments> documents() throws IOException {
        return Stream.of(
                Arguments.of("Traefik's static reference", resource("static.reference.yaml")),
                Arguments.of("Traefik's dynamic reference", resource("dynamic.reference.yaml")),
                Arguments.of("scalars of every kind", """
                        text: hello
                        quoted: "42"
                        single: 'true'
                        int: 42
                        negative: -7
                        underscored: 1_000
                        float: 0.5
                        bool: true
                        yes: yes
                        nothing: null
                        tilde: ~
                        empty:
                        tagged: !!str 123
                        folded: >
                          one
                          two
                        literal: |
                          a
                          b
                        """),
                Arguments.of("nested lists and maps, block and flow", """
                        # a comment
                        http:
                          routers:
                            r:
                              rule: Host(`a`)   # trailing comment
                              entryPoints: [web, websecure]
                              middlewares:
                                - one
                                - two
                          services:
                            s:
                              loadBalancer:
                                servers:
                                  - url: http://a
                                  - {url: http://b, weight: 2}
                                  - - nested
                                    - list
                        """),
                Arguments.of("a list at the root", "- a\n- {b: 1}\n- [c, d]\n"),
                Arguments.of("a scalar at the root", "just text\n"),
                Arguments.of("an empty document", ""),
                Arguments.of("only comments", "# nothing here\n"),
                Arguments.of("an explicit empty document", "---\n"),
                Arguments.of("anchors and aliases", """
                        common: &common
                          rule: Host(`a`)
                        routers:
                          r1: *common
                          r2:
                            <<: *common
                            priority: 3
                        """),
                Arguments.of("an inline merge key", "a:\n  <<: {x: 1}\n  y: 2\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void readsAsTheNodeGraphDoes(String description, String content) throws ConfigSyntaxException {
        Map<String, Integer> lines = new HashMap<>();
        Map<String, Integer> graphLines = new HashMap<>();

        JsonNode tree = YamlTreeReader.read("t.yml", content, lines);
        JsonNode graphTree = YamlTreeReader.readNodeGraph("t.yml", content, graphLines);

        assertThat(tree).isEqualTo(graphTree);
        assertThat(lines).isEqualTo(graphLines);
        assertThat(YamlTreeReader.read("t.yml", content, null)).isEqualTo(graphTree);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void readsPlainDocumentsFromTheEventStream(String description, String content) throws Exception {
        boolean plain = !content.contains("&") && !content.contains("<<");
        PlainScalarResolver resolver = new PlainScalarResolver();
        YamlEventTreeBuilder builder = new YamlEventTreeBuilder(resolver, 50, null);
        var events = YamlTreeReader.yaml(YamlTreeReader.options(), resolver).parse(new java.io.StringReader(content));

        if (plain) {
            assertThat(builder.build(events)).isEqualTo(YamlTreeReader.readNodeGraph("t.yml", content, null));
        } else {
            assertThatThrownBy(() -> builder.build(events)).isInstanceOf(YamlEventTreeBuilder.NotPlain.class);
        }
    }

    @Test
    void sharesRepeatedKeysAndShortTexts() throws Exception {
        String content = """
                routers:
                  a: {rule: "Host(`a`)", service: s}
                  b:
                    rule: "Host(`b`)"
                    service: s
                    entryPoints: [web, "80"]
                  c: {service: "80", port: 80}
                """;
        JsonNode routers = YamlTreeReader.read("t.yml", content, null).get("routers");
        JsonNode a = routers.get("a");
        JsonNode b = routers.get("b");
        JsonNode c = routers.get("c");

        assertThat(a.propertyStream().findFirst().orElseThrow().getKey())
                .isSameAs(b.propertyStream().findFirst().orElseThrow().getKey()); // "rule", one string
        assertThat(a.get("service")).isSameAs(b.get("service"));
        assertThat(c.get("service")).isSameAs(b.get("entryPoints").get(1)); // quoted "80": the same text node
        assertThat(c.get("port").isNumber()).isTrue(); // a plain 80 stays a number
        assertThat(a.get("rule").textValue()).isEqualTo("Host(`a`)");
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("a repeated key", "a: 1\nb: 2\na: 3\n"),
                Arguments.of("a list as a key", "? [a, b]\n: value\n"),
                Arguments.of("a recursive alias", "a: &x\n  b: *x\n"),
                Arguments.of("an undefined alias", "a: *nope\n"),
                Arguments.of("two documents", "a: 1\n---\nb: 2\n"),
                Arguments.of("a syntax error", "a: [1, 2\nb: 3\n"),
                Arguments.of("a tab for indentation", "a:\n\tb: 1\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDocuments")
    void reportsWhatTheNodeGraphReports(String description, String content) {
        Throwable expected = catchThrowable(() -> YamlTreeReader.readNodeGraph("t.yml", content, new HashMap<>()));

        assertThat(expected).isInstanceOf(ConfigSyntaxException.class);
        assertThatThrownBy(() -> YamlTreeReader.read("t.yml", content, new HashMap<>()))
                .isInstanceOf(ConfigSyntaxException.class)
                .hasMessage(expected.getMessage());
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = YamlTreeReaderTest.class.getResourceAsStream("/traefik-reference/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
