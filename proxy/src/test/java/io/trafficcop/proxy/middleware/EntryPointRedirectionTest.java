package io.trafficcop.proxy.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's generated redirection router: its name and the port it redirects to. */
class EntryPointRedirectionTest {

    static final Map<String, String> ADDRESSES = Map.of("websecure", ":443", "alt", "0.0.0.0:8443",
            "v6", "[::]:9443", "udp", ":8443/tcp");

    @ParameterizedTest
    @CsvSource({"websecure,443", "alt,8443", "v6,9443", "udp,8443", ":8443,8443"})
    void findsTheRedirectPort(String to, String port) {
        assertThat(EntryPointRedirection.redirectPort(to, ADDRESSES)).isEqualTo(port);
    }

    @Test
    void refusesAnUnknownEntryPoint() {
        assertThatThrownBy(() -> EntryPointRedirection.redirectPort("nope", ADDRESSES))
                .hasMessage("'to' entry point field references a non-existing entry point: nope");
    }

    @ParameterizedTest
    @CsvSource({"web,websecure,web-to-websecure", "web,:443,web-to--443", "my_ep,websecure,my-ep-to-websecure"})
    void namesTheRouterAsTraefik(String from, String to, String name) {
        assertThat(EntryPointRedirection.routerName(from, to)).isEqualTo(name);
    }
}
