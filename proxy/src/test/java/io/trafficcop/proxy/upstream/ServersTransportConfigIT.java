package io.trafficcop.proxy.upstream;

import static io.trafficcop.proxy.upstream.TestCertificates.dns;
import static io.trafficcop.proxy.upstream.TestCertificates.ip;
import static io.trafficcop.proxy.upstream.TestCertificates.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import io.trafficcop.proxy.TrafficCop;
import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.install.EffectiveConfiguration;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.load.ConfigBinder;
import io.trafficcop.proxy.config.load.StaticConfigFinder;
import io.trafficcop.proxy.config.load.StaticConfigLoader;
import io.trafficcop.proxy.testing.LeakCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traefik configuration files to TLS and HTTP/2 backends: {@code http.serversTransports.<name>} (serverName, rootCAs
 * and client certificates as files, minVersion, peerCertURI, disableHTTP2, a bad cipherSuites entry) and the static
 * {@code serversTransport.insecureSkipVerify}, compiled and served by TrafficCop as the command line runs it.
 */
class ServersTransportConfigIT {

    @TempDir
    Path dir;

    private TestBackend mtls;
    private TestBackend self;
    private TrafficCop trafficCop;
    private final HttpClient client = io.trafficcop.proxy.testing.TestClients.http1();

    @AfterEach
    void stop() {
        if (trafficCop != null) {
            trafficCop.stop();
        }
        mtls.close();
        self.close();
        client.close();
    }

    @Test
    void servesThroughConfiguredTransports() throws Exception {
        LeakCheck.paranoid();
        var ca = TestCertificates.authority("Config CA");
        var serverCert = TestCertificates.leaf(ca, "backend", dns("backend.test"), uri("spiffe://test/backend"));
        var clientCert = TestCertificates.leaf(ca, "config-client");
        var selfSigned = TestCertificates.leaf(null, "self", ip("127.0.0.1"));
        mtls = TestBackend.tls(SslContextBuilder.forServer(serverCert.key(), serverCert.certificate())
                .clientAuth(ClientAuth.REQUIRE).trustManager(ca.certificate())
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1)).build());
        self = TestBackend.tls(SslContextBuilder.forServer(selfSigned.key(), selfSigned.certificate()).build());
        Path caFile = Files.writeString(dir.resolve("ca.pem"), ca.certPem());
        Path certFile = Files.writeString(dir.resolve("client.pem"), clientCert.certPem());
        Path keyFile = Files.writeString(dir.resolve("client-key.pem"), clientCert.keyPem());
        Path dynamic = Files.createDirectory(dir.resolve("dynamic"));
        String mtlsUrl = "https://127.0.0.1:" + mtls.port();
        Files.writeString(dynamic.resolve("transports.yml"), """
                http:
                  routers:
                    verified: {rule: "PathPrefix(`/verified`)", service: verified}
                    http1: {rule: "PathPrefix(`/http1`)", service: http1}
                    self: {rule: "PathPrefix(`/self`)", service: self}
                    broken: {rule: "PathPrefix(`/broken`)", service: broken}
                  services:
                    verified:
                      loadBalancer: {serversTransport: mtls, servers: [{url: "%1$s"}]}
                    http1:
                      loadBalancer: {serversTransport: mtls-http1, servers: [{url: "%1$s"}]}
                    self:
                      loadBalancer: {servers: [{url: "https://127.0.0.1:%2$d"}]}
                    broken:
                      loadBalancer: {serversTransport: broken, servers: [{url: "%1$s"}]}
                  serversTransports:
                    mtls:
                      serverName: backend.test
                      rootCAs: ["%3$s"]
                      certificates: [{certFile: "%4$s", keyFile: "%5$s"}]
                      minVersion: VersionTLS12
                      peerCertURI: "spiffe://test/backend"
                      forwardingTimeouts: {readIdleTimeout: 10s, pingTimeout: 5s}
                    mtls-http1:
                      serverName: backend.test
                      rootCAs: ["%3$s"]
                      certificates: [{certFile: "%4$s", keyFile: "%5$s"}]
                      disableHTTP2: true
                    broken:
                      cipherSuites: [TLS_NOT_A_SUITE]
                """.formatted(mtlsUrl, self.port(), caFile, certFile, keyFile));
        Path staticFile = Files.writeString(dir.resolve("traefik.yml"), """
                entryPoints:
                  web:
                    address: "127.0.0.1:0"
                serversTransport:
                  insecureSkipVerify: true
                providers:
                  providersThrottleDuration: 0s
                  file:
                    directory: %s
                """.formatted(dynamic));
        StaticConfigLoader.Loaded loaded = StaticConfigLoader.load(staticFile.toString(), List.of(), Map.of(),
                new StaticConfigFinder(dir, dir, Map.of()), StaticConfiguration.class, DynamicConfiguration.class);
        assertThat(loaded.errors()).isEmpty();
        trafficCop = TrafficCop.start(EffectiveConfiguration.of(
                ConfigBinder.bind(loaded.document().tree(), StaticConfiguration.class)), loaded, Map.of());

        await().atMost(Duration.ofSeconds(20)).until(() -> get("/verified").statusCode() == 200);
        assertThat(get("/verified").body()).startsWith("proto=h2 client=CN=config-client");
        assertThat(get("/http1").body()).startsWith("proto=h1 client=CN=config-client");
        assertThat(mtls.lastSni).isEqualTo("backend.test");
        assertThat(get("/self").statusCode()).isEqualTo(200); // the static transport skips verification
        assertThat(get("/broken").statusCode()).isEqualTo(404); // its router is disabled: invalid cipherSuites
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + trafficCop.boundPort("web") + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
