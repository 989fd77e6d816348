package io.trafficcop.proxy.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.validate.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionSourcesTest {

    private static SampleSchema.Root bind(ConfigDocument document) {
        SchemaWalker.Result result = SchemaWalker.walk(document, SampleSchema.Root.class);
        assertThat(result.errors()).isEmpty();
        return ConfigBinder.bind(document.root(), SampleSchema.Root.class);
    }

    @Test
    void flagsSetNestedOptionsListsSectionsAndIndexedItems() {
        SampleSchema.Root root = bind(FlagOptions.toDocument(List.of(
                "--entryPoints.web.address=:8081",
                "--entrypoints.web.forwardedHeaders.trustedIPs=10.0.0.0/8,127.0.0.1",
                "--entryPoints.web.http.tls.domains[0].main=example.com",
                "--entryPoints.web.http.tls.domains[0].sans=a.example.com,b.example.com",
                "--api.insecure",
                "--log.level", "DEBUG"), SampleSchema.Root.class));
        SampleSchema.EntryPoint web = root.entryPoints().get("web");
        assertThat(web.address()).isEqualTo(":8081");
        assertThat(web.forwardedHeaders().trustedIPs()).containsExactly("10.0.0.0/8", "127.0.0.1");
        assertThat(web.http().tls().domains()).singleElement().satisfies(domain -> {
            assertThat(domain.main()).isEqualTo("example.com");
            assertThat(domain.sans()).containsExactly("a.example.com", "b.example.com");
        });
        assertThat(root.api().insecure()).isTrue();
        assertThat(root.log().level()).isEqualTo("DEBUG");
    }

    @Test
    void aSectionFlagEnablesTheSection() {
        assertThat(bind(FlagOptions.toDocument(List.of("--api"), SampleSchema.Root.class)).api()).isNotNull();
        assertThat(bind(FlagOptions.toDocument(List.of("--api=true"), SampleSchema.Root.class)).api()).isNotNull();
        assertThat(bind(FlagOptions.toDocument(List.of("--api=false"), SampleSchema.Root.class)).api()).isNull();
    }

    @Test
    void unknownFlagsAreReportedWithTheirPath() {
        ConfigDocument document = FlagOptions.toDocument(List.of("--entryPoints.web.adress=:80"), SampleSchema.Root.class);
        assertThat(SchemaWalker.walk(document, SampleSchema.Root.class).errors()).map(Problem::toString)
                .containsExactly("flags: entryPoints.web.adress: unknown field");
    }

    @Test
    void environmentVariablesAsTraefikNamesThem() {
        SampleSchema.Root root = bind(EnvironmentOptions.toDocument(Map.of(
                "TRAEFIK_ENTRYPOINTS_WEB_ADDRESS", ":8081",
                "TRAEFIK_ENTRYPOINTS_WEB_SECURE_ADDRESS", ":8443",
                "TRAEFIK_ENTRYPOINTS_WEB_TRANSPORT_KEEPALIVEMAXREQUESTS", "9",
                "TRAEFIK_ENTRYPOINTS_WEB_HTTP_TLS_DOMAINS_0_MAIN", "example.com",
                "TRAEFIK_API", "true",
                "TRAEFIK_LOG_LEVEL", "INFO",
                "PATH", "/usr/bin"), SampleSchema.Root.class));
        assertThat(root.entryPoints()).containsOnlyKeys("web", "web_secure");
        assertThat(root.entryPoints().get("web").address()).isEqualTo(":8081");
        assertThat(root.entryPoints().get("web_secure").address()).isEqualTo(":8443");
        assertThat(root.entryPoints().get("web").transport().keepAliveMaxRequests()).isEqualTo(9);
        assertThat(root.entryPoints().get("web").http().tls().domains().getFirst().main()).isEqualTo("example.com");
        assertThat(root.api()).isNotNull();
        assertThat(root.log().level()).isEqualTo("INFO");
    }

    @Test
    void onlyPrefixedVariablesCount() {
        assertThat(EnvironmentOptions.present(Map.of("PATH", "/bin", "TRAEFIKX", "1"))).isFalse();
        assertThat(EnvironmentOptions.present(Map.of("TRAEFIK_LOG_LEVEL", "DEBUG"))).isTrue();
    }
}
