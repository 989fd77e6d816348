package io.trafficcop.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FleetNamesTest {

    @ParameterizedTest
    @CsvSource({
            "web, web",
            "websecure, websecure",
            "Web_Secure, web-secure",
            "a-very-long-entrypoint-name, a-very-long-ent",
            "443, ep-443",
            "-x-, x",
    })
    void portNamesAreValidIanaServiceNames(String entryPoint, String expected) {
        assertThat(FleetNames.portName(entryPoint)).isEqualTo(expected)
                .hasSizeLessThanOrEqualTo(15).matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?").matches(".*[a-z].*");
    }

    @ParameterizedTest
    @CsvSource({"websecure, websecure-h3", "a-very-long-entrypoint-name, a-very-long-h3", "Web_Secure, web-secure-h3"})
    void http3PortNamesStayValid(String entryPoint, String expected) {
        assertThat(FleetNames.http3PortName(entryPoint)).isEqualTo(expected).hasSizeLessThanOrEqualTo(15);
    }
}
