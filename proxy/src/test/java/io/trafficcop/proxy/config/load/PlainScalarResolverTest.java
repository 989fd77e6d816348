package io.trafficcop.proxy.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

class PlainScalarResolverTest {

    private static final Resolver SNAKEYAML = new Resolver();
    private static final Resolver SHORTCUT = new PlainScalarResolver();

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "  ", " x", "\t", "web", "r0", "rule", "Host(`a.example`)", "http://127.0.0.1:80", "true", "True",
        "yes", "No", "on", "OFF", "y", "n", "~", "null", "Null", "12", "-3", "+4", "0x1F", "0o17", "0b101", "1_000",
        "1.5", ".5", ".inf", "-.Inf", ".nan", "1e3", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "<<", "=", "!",
        "&", "*", "10.0.0.1/8", "-", "0", "\u0000", "ünïcode", "@at", "%percent"})
    void resolvesEveryScalarAsSnakeYamlDoes(String value) {
        for (boolean implicit : new boolean[] {true, false}) {
            for (NodeId kind : NodeId.values()) {
                assertThat(SHORTCUT.resolve(kind, value, implicit))
                        .as("%s %s implicit=%s", kind, value, implicit)
                        .isEqualTo(SNAKEYAML.resolve(kind, value, implicit));
            }
        }
    }
}
