package io.trafficcop.proxy.upstream;

import static io.trafficcop.proxy.upstream.TestCertificates.dns;
import static io.trafficcop.proxy.upstream.TestCertificates.ip;
import static io.trafficcop.proxy.upstream.TestCertificates.uri;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.trafficcop.proxy.config.dynamic.Certificate;
import io.trafficcop.proxy.config.dynamic.San;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.LoadBalancerSettings;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.runtime.UpstreamTlsSettings;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TLS to backends over real sockets ({@code serversTransports}: serverName, insecureSkipVerify, rootCAs from files
 * and inline PEM, client certificates, minVersion/maxVersion, cipherSuites, peerCertURI, HTTP/2 by ALPN and
 * disableHTTP2), with certificates generated for the run.
 */
class UpstreamTlsIT {

    @TempDir
    static Path dir;

    static final List<TestBackend> backends = new ArrayList<>();
    static TestBackend named;
    static ProxyServer proxy;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        var ca = TestCertificates.authority("Test CA");
        var namedCert = TestCertificates.leaf(ca, "backend", dns("backend.test"), uri("spiffe://test/backend"));
        var ipCert = TestCertificates.leaf(ca, "backend-ip", ip("127.0.0.1"));
        var selfSigned = TestCertificates.leaf(null, "self", ip("127.0.0.1"));
        var clientCert = TestCertificates.leaf(ca, "client");
        Path caFile = Files.writeString(dir.resolve("ca.pem"), ca.certPem());

        named = backend(server(namedCert).build());
        TestBackend self = backend(server(selfSigned).build());
        TestBackend mtls = backend(server(ipCert).clientAuth(ClientAuth.REQUIRE)
                .trustManager(ca.certificate()).build());
        TestBackend tls12 = backend(server(ipCert).protocols("TLSv1.2")
                .ciphers(List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")).build());
        TestBackend h2 = backend(server(ipCert).applicationProtocolConfig(new ApplicationProtocolConfig(
                ApplicationProtocolConfig.Protocol.ALPN, ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1)).build());

        List<String> inlineCa = List.of(ca.certPem());
        var clientCertificate = List.of(new Certificate(clientCert.certPem(), clientCert.keyPem()));
        TestRoutes routes = new TestRoutes();
        route(routes, "named", named, new UpstreamTlsSettings("backend.test", false, inlineCa, null, null, null, null, null), false);
        route(routes, "noname", named, tls(inlineCa), false);
        route(routes, "peeruri-ok", named, new UpstreamTlsSettings("backend.test", false, inlineCa, null, null, null,
                null, "spiffe://test/backend"), false);
        route(routes, "peeruri-bad", named, new UpstreamTlsSettings("backend.test", false, inlineCa, null, null, null,
                null, "spiffe://test/other"), false);
        route(routes, "sans-dns", named, sans(inlineCa, new San("DNSName", "backend.test")), false);
        route(routes, "sans-uri", named, sans(inlineCa, new San("URI", "SPIFFE://test/backend")), false);
        route(routes, "sans-miss", named, sans(inlineCa, new San("DNSName", "other.test"),
                new San("URI", "spiffe://test/other")), false);
        route(routes, "sans-untrusted", named, sans(null, new San("URI", "spiffe://test/backend")), false);
        route(routes, "self-verify", self, UpstreamTlsSettings.DEFAULTS, false);
        route(routes, "self-insecure", self, new UpstreamTlsSettings(null, true, null, null, null, null, null, null), false);
        route(routes, "h2", h2, tls(List.of(caFile.toString())), false);
        route(routes, "h2-disabled", h2, tls(inlineCa), true);
        route(routes, "mtls-none", mtls, tls(inlineCa), false);
        route(routes, "mtls", mtls, new UpstreamTlsSettings(null, false, inlineCa, clientCertificate, null, null, null, null), false);
        route(routes, "min13", tls12, new UpstreamTlsSettings(null, false, inlineCa, null, null, "VersionTLS13", null, null), false);
        route(routes, "max12", tls12, new UpstreamTlsSettings(null, false, inlineCa, null, null, null, "VersionTLS12", null), false);
        route(routes, "cipher-bad", tls12, new UpstreamTlsSettings(null, false, inlineCa, null,
                List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"), null, "VersionTLS12", null), false);
        route(routes, "cipher-ok", tls12, new UpstreamTlsSettings(null, false, inlineCa, null,
                List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"), null, "VersionTLS12", null), false);

        proxy = new ProxyServer(2);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), new Snapshot(Map.of("web", routes)));
        client = TestClients.http1();
    }

    private static SslContextBuilder server(TestCertificates.Issued issued) {
        return SslContextBuilder.forServer(issued.key(), issued.certificate());
    }

    private static TestBackend backend(SslContext ssl) {
        TestBackend backend = TestBackend.tls(ssl);
        backends.add(backend);
        return backend;
    }

    /** insecureSkipVerify with peerCertSANs: no host name check, but the chain and one SAN must match. */
    private static UpstreamTlsSettings sans(List<String> rootCAs, San... sans) {
        return new UpstreamTlsSettings(null, true, rootCAs, null, null, null, null, null, List.of(sans));
    }

    private static UpstreamTlsSettings tls(List<String> rootCAs) {
        return new UpstreamTlsSettings(null, false, rootCAs, null, null, null, null, null);
    }

    private static void route(TestRoutes routes, String name, TestBackend backend, UpstreamTlsSettings tls,
            boolean disableHttp2) {
        var transport = new ServersTransportSettings(name, 0, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(90), tls, disableHttp2, null, null);
        routes.host(name + ".test", name + "@test", Services.loadBalancer(name, transport, LoadBalancerSettings.DEFAULTS,
                "https://127.0.0.1:" + backend.port()));
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        backends.forEach(TestBackend::close);
        backends.clear(); // the subclass running the cases with the JDK engine starts its own
        client.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            named         | 200 | proto=h1 client=-
            noname        | 502 |
            peeruri-ok    | 200 | proto=h1
            peeruri-bad   | 502 |
            sans-dns      | 200 | proto=h1
            sans-uri      | 200 | proto=h1
            sans-miss     | 502 |
            sans-untrusted | 502 |
            self-verify   | 502 |
            self-insecure | 200 | proto=h1
            h2            | 200 | proto=h2
            h2-disabled   | 200 | proto=h1
            mtls-none     | 502 |
            mtls          | 200 | client=CN=client
            min13         | 502 |
            max12         | 200 | proto=h1
            cipher-bad    | 502 |
            cipher-ok     | 200 | proto=h1
            """)
    void forwardsOverTlsAsTheTransportSays(String name, int status, String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + proxy.boundPort("web") + "/"))
                .header("Host", name + ".test").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(status);
        if (body != null) {
            assertThat(response.body()).contains(body);
        }
        if (name.equals("named")) {
            assertThat(named.lastSni).isEqualTo("backend.test");
        }
    }
}
