package io.trafficcop.proxy.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.validate.Problem;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaWalkerTest {

    private static SchemaWalker.Result walk(String yaml) throws Exception {
        return SchemaWalker.walk(ConfigTreeReader.read("t.yml", yaml, ConfigFormat.YAML), SampleSchema.Root.class);
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("http:\n  routers:\n    r:\n      rule: Path(`/`)\n      middelwares: [a]\n",
                        "t.yml:5: http.routers.r.middelwares: unknown field"),
                Arguments.of("entryPoints:\n  web:\n    address: ':80'\n    transport:\n      keepAliveMaxTime: 5x\n",
                        "t.yml:5: entryPoints.web.transport.keepAliveMaxTime: invalid duration \"5x\": unknown unit \"x\""),
                Arguments.of("http:\n  routers:\n    r:\n      priority: high\n",
                        "t.yml:4: http.routers.r.priority: invalid integer \"high\""),
                Arguments.of("api:\n  insecure: maybe\n", "t.yml:2: api.insecure: invalid boolean \"maybe\""),
                Arguments.of("http:\n  routers:\n    r:\n      middlewares: a\n",
                        "t.yml:4: http.routers.r.middlewares: expected a list, got \"a\""),
                Arguments.of("api: yes-please\n", "t.yml:1: api: expected a section of options, got \"yes-please\""),
                Arguments.of("unknownTop: 1\n", "t.yml:1: unknownTop: unknown field"));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void reportsEachProblemWithFileLineAndPath(String yaml, String expected) throws Exception {
        assertThat(walk(yaml).errors()).map(Problem::toString).containsExactly(expected);
    }

    @Test
    void reportsEveryProblemNotOnlyTheFirst() throws Exception {
        SchemaWalker.Result result = walk("""
                api:
                  insecur: true
                http:
                  routers:
                    a:
                      rul: x
                    b:
                      priority: x
                """);
        assertThat(result.errors()).map(Problem::path)
                .containsExactly("api.insecur", "http.routers.a.rul", "http.routers.b.priority");
    }

    @Test
    void matchesKeysWithoutCaseAndRewritesThemCanonically() throws Exception {
        ConfigDocument document = ConfigTreeReader.read("t.yml", """
                ENTRYPOINTS:
                  web:
                    Address: ":80"
                    transport: {KEEPALIVEMAXREQUESTS: "7"}
                """, ConfigFormat.YAML);
        assertThat(SchemaWalker.walk(document, SampleSchema.Root.class).errors()).isEmpty();
        SampleSchema.Root root = ConfigBinder.bind(document.root(), SampleSchema.Root.class);
        assertThat(root.entryPoints().get("web").address()).isEqualTo(":80");
        assertThat(root.entryPoints().get("web").transport().keepAliveMaxRequests()).isEqualTo(7);
    }

    /** Keys written in another case: each value's line is found by its canonical path, through its raw one. */
    static Stream<Arguments> lines() {
        String yaml = """
                HTTP:
                  Routers:
                    r:
                      Rule: "Path(`/`)"
                      middlewares:
                        - a
                        - b
                ENTRYPOINTS:
                  web:
                    forwardedHeaders:
                      TRUSTEDIPS: [10.0.0.1, 10.0.0.2]
                """;
        return Stream.of(
                Arguments.of(yaml, "http", 1),
                Arguments.of(yaml, "http.routers", 2),
                Arguments.of(yaml, "http.routers.r", 3),
                Arguments.of(yaml, "http.routers.r.rule", 4),
                Arguments.of(yaml, "http.routers.r.middlewares[1]", 7),
                Arguments.of(yaml, "entryPoints.web.forwardedHeaders.trustedIPs", 11),
                Arguments.of(yaml, "entryPoints.web.forwardedHeaders.trustedIPs[0]", 11));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void recordsTheLineOfEveryValueByItsCanonicalPath(String yaml, String path, int line) throws Exception {
        assertThat(walk(yaml).lines()).containsEntry(path, line);
    }

    @Test
    void reportsAProblemBelowKeysWrittenInAnotherCaseAtItsLine() throws Exception {
        assertThat(walk("HTTP:\n  Routers:\n    r:\n      Priority: high\n").errors()).map(Problem::toString)
                .containsExactly("t.yml:4: http.routers.r.priority: invalid integer \"high\"");
    }

    @Test
    void marksOnlyTheBrokenElementOfACollectionAndDropsTheBadValue() throws Exception {
        ConfigDocument document = ConfigTreeReader.read("t.yml", """
                http:
                  routers:
                    good: {rule: "Path(`/`)", service: s}
                    bad: {rule: "Path(`/`)", priority: nope}
                """, ConfigFormat.YAML);
        SchemaWalker.Result result = SchemaWalker.walk(document, SampleSchema.Root.class);
        assertThat(result.brokenElements()).containsExactly("http.routers.bad");
        SampleSchema.Root root = ConfigBinder.bind(document.root(), SampleSchema.Root.class);
        assertThat(root.http().routers()).containsOnlyKeys("good", "bad");
        assertThat(root.http().routers().get("bad").priority()).isNull();
    }

    @Test
    void warnsOnceForARecognizedOptionThatIsNotImplemented() throws Exception {
        SchemaWalker.Result result = walk("providers:\n  docker:\n    endpoint: unix:///var/run/docker.sock\n");
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).map(Problem::toString).containsExactly(
                "t.yml:2: providers.docker: recognized but not implemented by TrafficCop yet (the docker provider): it has no effect");
    }

    @Test
    void anEmptySectionIsPresentAndAnEmptyScalarIsUnset() throws Exception {
        ConfigDocument document = ConfigTreeReader.read("t.yml", "api:\nlog:\n  level:\n", ConfigFormat.YAML);
        assertThat(SchemaWalker.walk(document, SampleSchema.Root.class).errors()).isEmpty();
        SampleSchema.Root root = ConfigBinder.bind(document.root(), SampleSchema.Root.class);
        assertThat(root.api()).isNotNull();
        assertThat(root.log().level()).isNull();
    }

    @Test
    void readsTomlWithLines() throws Exception {
        ConfigDocument document = ConfigTreeReader.read("t.toml", """
                [entryPoints.web]
                  address = ":80"
                  [entryPoints.web.transport]
                    keepAliveMaxTime = "1m30s"
                    keepAliveMaxRequest = 3
                """, ConfigFormat.TOML);
        SchemaWalker.Result result = SchemaWalker.walk(document, SampleSchema.Root.class);
        assertThat(result.errors()).map(Problem::toString)
                .containsExactly("t.toml:5: entryPoints.web.transport.keepAliveMaxRequest: unknown field");
    }

    @Test
    void bindsDurationsFromTextAndBareSeconds() throws Exception {
        ConfigDocument document = ConfigTreeReader.read("t.yml",
                "providers:\n  providersThrottleDuration: 3\n", ConfigFormat.YAML);
        SchemaWalker.walk(document, SampleSchema.Root.class);
        SampleSchema.Root root = ConfigBinder.bind(document.root(), SampleSchema.Root.class);
        assertThat(root.providers().providersThrottleDuration()).isEqualTo(new GoDuration(Duration.ofSeconds(3)));
    }

    @Test
    void rejectsDuplicateKeys() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConfigTreeReader.read("t.yml",
                        "api:\n  insecure: true\n  insecure: false\n", ConfigFormat.YAML))
                .isInstanceOf(ConfigSyntaxException.class).hasMessageContaining("t.yml:3");
        assertThat(List.of()).isEmpty();
    }

    @Test
    void resolvesYamlAnchorsAliasesAndMergeKeys() throws Exception {
        ConfigDocument document = ConfigTreeReader.read("t.yml", """
                http:
                  routers:
                    a: &base
                      rule: "Path(`/a`)"
                      middlewares: &chain [one, two]
                      service: s
                    b:
                      <<: *base
                      rule: "Path(`/b`)"
                    c:
                      rule: "Path(`/c`)"
                      middlewares: *chain
                      service: s
                """, ConfigFormat.YAML);
        assertThat(SchemaWalker.walk(document, SampleSchema.Root.class).errors()).isEmpty();
        SampleSchema.Root root = ConfigBinder.bind(document.root(), SampleSchema.Root.class);
        assertThat(root.http().routers().get("b").rule()).isEqualTo("Path(`/b`)");
        assertThat(root.http().routers().get("b").middlewares()).containsExactly("one", "two");
        assertThat(root.http().routers().get("b").service()).isEqualTo("s");
        assertThat(root.http().routers().get("c").middlewares()).containsExactly("one", "two");
    }

    @Test
    void keepsYamlWordsThatLookBooleanAsTextForStringOptions() throws Exception {
        ConfigDocument document = ConfigTreeReader.read("t.yml", "log:\n  level: on\n", ConfigFormat.YAML);
        SchemaWalker.walk(document, SampleSchema.Root.class);
        assertThat(ConfigBinder.bind(document.root(), SampleSchema.Root.class).log().level()).isEqualTo("on");
    }
}
