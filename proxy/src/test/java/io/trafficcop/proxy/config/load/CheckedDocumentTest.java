package io.trafficcop.proxy.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.validate.Problem;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A parsed document finds its lines when asked for them: the same as had they been recorded while reading. */
class CheckedDocumentTest {

    private static final Map<String, String> ENV = Map.of("PORT", "8080");

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("t.yml", """
                        HTTP:
                          routers:
                            r:
                              Rule: "Path(`/`)"
                              middlewares: [a, b]
                          services:
                            s:
                              loadBalancer:
                                servers:
                                  - url: "http://127.0.0.1:${PORT}"
                                  - url: http://b
                        """),
                Arguments.of("t.yml", """
                        common: &common
                          rule: "Path(`/`)"
                        """),
                Arguments.of("t.yml", """
                        http:
                          routers:
                            r: &r
                              rule: "Path(`/`)"
                            q:
                              <<: *r
                              service: s
                              priority: high
                        """),
                Arguments.of("t.toml", """
                        [http.routers.r]
                        rule = "Path(`/`)"
                        middlewares = ["a"]
                        """),
                Arguments.of("t.yml", ""));
    }

    @org.junit.jupiter.api.Test
    void aTextWithValuesHasLines() {
        assertThat(CheckedDocument.parse("t.yml", "http:\n  routers:\n    r:\n      rule: x\n",
                TestDynamicSchema.Root.class, ENV).lines()).containsEntry("http.routers.r.rule", 4).hasSize(4);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void findsTheLinesAndProblemsARecordingReadFinds(String file, String text) throws Exception {
        CheckedDocument parsed = CheckedDocument.parse(file, text, TestDynamicSchema.Root.class, ENV);
        CheckedDocument recorded = CheckedDocument.check(
                ConfigTreeReader.read(file, text, ConfigFormat.ofFileName(file).orElseThrow(), true),
                TestDynamicSchema.Root.class, ENV);
        assertThat(parsed.lines()).isEqualTo(recorded.lines());
        assertThat(parsed.problems()).isEqualTo(recorded.problems());
        assertThat(parsed.tree()).isEqualTo(recorded.tree());
        assertThat(parsed.brokenElements()).isEqualTo(recorded.brokenElements());
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("http:\n  routers:\n    r:\n      rule: a\n      rule: b\n",
                        "t.yml:5: (root): key \"http.routers.r.rule\" is defined twice"),
                Arguments.of("http:\n  routers:\n    r:\n      priority: high\n",
                        "t.yml:4: http.routers.r.priority: invalid integer \"high\""),
                Arguments.of("http:\n  routers:\n    r:\n      rul: x\n", "t.yml:4: http.routers.r.rul: unknown field"),
                Arguments.of("- a\n", "t.yml:1: (root): the configuration must be a mapping of keys to values"),
                Arguments.of("a: [\n", "t.yml:2: (root): cannot parse: expected the node content, but found '<stream end>'"));
    }

    @ParameterizedTest
    @MethodSource("problems")
    void placesEachProblemOnItsLine(String text, String expected) {
        assertThat(CheckedDocument.parse("t.yml", text, TestDynamicSchema.Root.class, ENV).problems())
                .map(Problem::toString).containsExactly(expected);
    }
}
