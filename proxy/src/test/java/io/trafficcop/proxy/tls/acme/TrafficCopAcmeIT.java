package io.trafficcop.proxy.tls.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trafficcop.proxy.TrafficCop;
import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.install.EffectiveConfiguration;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.load.ConfigBinder;
import io.trafficcop.proxy.config.load.StaticConfigFinder;
import io.trafficcop.proxy.config.load.StaticConfigLoader;
import io.trafficcop.proxy.tls.Pem;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACME through TrafficCop as users configure it: a certificate resolver in the static file, a router that asks
 * for it, a real ACME server validating over HTTP-01 on an entry point, and the certificate served by SNI.
 */
class TrafficCopAcmeIT {

    @TempDir
    Path dir;

    private Pebble pebble;
    private TrafficCop trafficCop;
    private WhoamiServer backend;

    @AfterEach
    void stop() {
        if (trafficCop != null) {
            trafficCop.stop();
        }
        if (pebble != null) {
            pebble.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aRouterWithACertResolverGetsItsCertificateOverHttp01() throws Exception {
        Assumptions.assumeTrue(Pebble.installed(), "pebble is not installed (apt-get install -y pebble)");
        int web = Pebble.freePort();
        int websecure = Pebble.freePort();
        pebble = new Pebble(dir, web, websecure, "unused-eab-key-unused-eab-key-0123456789");
        backend = new WhoamiServer("acme").start("127.0.0.1", 0);
        Path caFile = Files.writeString(dir.resolve("pebble-ca.pem"), Pem.encode(pebble.ca.certificate()));
        Path staticFile = Files.writeString(dir.resolve("traefik.yml"), """
                entryPoints:
                  web:
                    address: "127.0.0.1:%d"
                  websecure:
                    address: "127.0.0.1:%d"
                certificatesResolvers:
                  pebble:
                    acme:
                      email: admin@example.com
                      caServer: %s
                      caCertificates: ["%s"]
                      storage: %s
                      keyType: EC256
                      httpChallenge:
                        entryPoint: web
                http:
                  routers:
                    app:
                      rule: "Host(`app.example.com`)"
                      entryPoints: [websecure]
                      service: app
                      tls:
                        certResolver: pebble
                  services:
                    app:
                      loadBalancer:
                        servers:
                          - url: "%s"
                """.formatted(web, websecure, pebble.directoryUrl(), caFile, dir.resolve("acme.json"), backend.url()));
        StaticConfigLoader.Loaded loaded = StaticConfigLoader.load(staticFile.toString(), List.of(), Map.of(),
                new StaticConfigFinder(dir, dir, Map.of()), StaticConfiguration.class, DynamicConfiguration.class);
        assertThat(loaded.errors()).isEmpty();
        trafficCop = TrafficCop.start(EffectiveConfiguration.of(ConfigBinder.bind(loaded.document().tree(),
                StaticConfiguration.class)), loaded, Map.of());

        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> served("app.example.com", websecure).getIssuerX500Principal().getName()
                        .toLowerCase().contains("pebble"));
        X509Certificate certificate = served("app.example.com", websecure);
        assertThat(certificate.getSubjectAlternativeNames()).anySatisfy(san -> assertThat(san.get(1)).isEqualTo("app.example.com"));
        assertThat(Files.readString(dir.resolve("acme.json"))).contains("\"pebble\"", "app.example.com");
    }

    private static X509Certificate served(String sni, int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(sni)));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
