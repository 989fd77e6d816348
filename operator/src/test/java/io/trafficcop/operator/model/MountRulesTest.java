package io.trafficcop.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.operator.api.v1alpha1.ServicePortSpec;
import io.trafficcop.operator.api.v1alpha1.TrafficCopSpec;
import io.trafficcop.proxy.config.validate.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MountRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            valid                  | ping: {}\\nproviders:\\n  file:\\n    directory: /etc/traefik/dynamic\\n    watch: true | true  | web  |
            trailing slash         | ping: {}\\nproviders:\\n  file:\\n    directory: /etc/traefik/dynamic/\\n    watch: true | true | web |
            no dynamic files       | ping: {} | false | web |
            no ping                | providers:\\n  file:\\n    directory: /etc/traefik/dynamic\\n    watch: true | true | web | ping: ping must be enabled
            unknown ping EP        | ping:\\n  entryPoint: nope | false | web | ping.entryPoint: entry point 'nope' is not defined
            no file provider       | ping: {} | true | web | providers.file.directory: must be /etc/traefik/dynamic
            wrong directory        | ping: {}\\nproviders:\\n  file:\\n    directory: /conf\\n    watch: true | true | web | found /conf
            no watch               | ping: {}\\nproviders:\\n  file:\\n    directory: /etc/traefik/dynamic | true | web | providers.file.watch: must be true
            unknown service EP     | ping: {} | false | websecure | spec.service.ports[0].entryPoint: entry point 'websecure'
            """)
    void checksWhatTheOperatorRelies(String name, String staticYaml, boolean dynamic, String serviceEntryPoint,
                                     String expectedProblem) {
        String yaml = "entryPoints:\n  web:\n    address: \":8000\"\n" + staticYaml.replace("\\n", "\n");
        ProxyConfiguration configuration = ProxyConfiguration.of("traefik.yml", yaml,
                dynamic ? Map.of("routes.yml", "http: {}") : Map.of());
        TrafficCopSpec spec = new TrafficCopSpec();
        ServicePortSpec port = new ServicePortSpec();
        port.entryPoint = serviceEntryPoint;
        spec.service.ports.add(port);

        List<Problem> problems = MountRules.check(spec, configuration,
                StaticConfigReader.read("traefik.yml", yaml));

        if (expectedProblem == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).singleElement().asString().contains(expectedProblem);
        }
    }
}
