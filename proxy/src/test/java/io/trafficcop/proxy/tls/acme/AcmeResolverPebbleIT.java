package io.trafficcop.proxy.tls.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.install.Acme;
import io.trafficcop.proxy.config.install.HttpChallenge;
import io.trafficcop.proxy.config.install.TlsChallenge;
import io.trafficcop.proxy.config.types.Domain;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.tls.Pem;
import io.trafficcop.proxy.tls.TestPki;
import io.trafficcop.proxy.tls.TlsAlpnChallengeCertificates;
import io.trafficcop.proxy.tls.TlsTermination;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issuance against a real ACME server: Debian's {@code pebble} (apt package "pebble"), validating through
 * TrafficCop's entry point over HTTP-01 and TLS-ALPN-01, with {@code pebble-challtestsrv} as its DNS (every name
 * resolves to 127.0.0.1). Skipped when pebble is not installed.
 */
class AcmeResolverPebbleIT {

    @TempDir
    static Path dir;

    static Pebble server;
    static ProxyServer proxy;
    static int acmePort;
    static TestPki.Issued pebbleCa;
    static final HttpChallengeTokens tokens = new HttpChallengeTokens();
    static final TlsAlpnChallengeCertificates alpn = new TlsAlpnChallengeCertificates();
    static final List<AcmeResolver> resolvers = new ArrayList<>();
    static final String EAB_KEY = java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString(new java.security.SecureRandom().generateSeed(32));

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Pebble.installed(), "pebble is not installed (apt-get install -y pebble)");
        LeakCheck.paranoid();
        proxy = new ProxyServer(1);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), snapshot());
        int proxyPort = proxy.boundPort("web");

        server = new Pebble(dir, proxyPort, proxyPort, EAB_KEY);
        pebbleCa = server.ca;
        acmePort = server.acmePort;
    }

    @AfterAll
    static void stop() {
        resolvers.forEach(AcmeResolver::close);
        if (proxy != null) {
            proxy.shutdown();
        }
        if (server != null) {
            server.close();
        }
    }

    static Snapshot snapshot() {
        TestRoutes routes = new TestRoutes()
                .path(HttpChallengeTokens.PATH_PREFIX, "acme-http@internal", tokens.handler())
                .any("ok@test", exchange -> exchange.respond(HttpResponseStatus.OK, "ok"));
        List<TlsTermination.ExtraCertificate> certs = new ArrayList<>();
        synchronized (resolvers) {
            for (AcmeResolver r : resolvers) {
                certs.addAll(r.certificates());
            }
        }
        TlsTermination tls = TlsTermination.build(null, certs, alpn);
        return new Snapshot(Map.of("web", routes), Map.of("web", tls.forEntryPoint(List.of())));
    }

    static AcmeResolver resolver(String name, Path storage, boolean http) {
        return resolver(name, storage, http, null);
    }

    static AcmeResolver resolver(String name, Path storage, boolean http, io.trafficcop.proxy.config.install.Eab eab) {
        Acme acme = new Acme("admin@example.com", "https://127.0.0.1:" + acmePort + "/dir", null, null, null, null,
                storage.toString(), "EC256", eab, null, GoDuration.ofSeconds(30), null, null,
                List.of(Pem.encode(pebbleCa.certificate())), null, null, null,
                http ? new HttpChallenge("web", null) : null, http ? null : new TlsChallenge(null));
        AcmeResolver r = new AcmeResolver(name, acme, new AcmeStorage(storage), tokens, alpn,
                () -> proxy.apply(snapshot()));
        r.retryBase = Duration.ofMillis(50);
        r.accountKeyBits = 2048;
        synchronized (resolvers) {
            resolvers.add(r);
        }
        return r;
    }

    static X509Certificate served(String sni) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", proxy.boundPort("web"))) {
            SSLParameters p = s.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName(sni)));
            s.setSSLParameters(p);
            s.startHandshake();
            return (X509Certificate) s.getSession().getPeerCertificates()[0];
        }
    }

    static List<String> dnsNames(X509Certificate c) throws Exception {
        List<String> out = new ArrayList<>();
        for (List<?> san : c.getSubjectAlternativeNames()) {
            out.add(String.valueOf(san.get(1)));
        }
        return out;
    }

    @Test
    void issuesOverHttp01AndServesTheCertificateBySniThenReloadsFromAcmeJson() throws Exception {
        Path storage = dir.resolve("http/acme.json");
        AcmeResolver resolver = resolver("le-http", storage, true);
        resolver.resolve(AcmeResolver.domainsOf(List.of("http01.example.com", "www.http01.example.com"), null))
                .get(90, TimeUnit.SECONDS);
        assertThat(resolver.certificates()).hasSize(1);
        X509Certificate served = served("www.http01.example.com");
        assertThat(dnsNames(served)).contains("http01.example.com", "www.http01.example.com");
        assertThat(served.getIssuerX500Principal().getName()).containsIgnoringCase("Pebble");

        // Traefik's format, mode 0600
        JsonNode json = new ObjectMapper().readTree(storage.toFile());
        assertThat(json.path("le-http").path("Account").path("Email").asText()).isEqualTo("admin@example.com");
        assertThat(json.path("le-http").path("Account").path("Registration").path("uri").asText()).startsWith("https://");
        assertThat(json.path("le-http").path("Account").path("PrivateKey").asText()).isNotEmpty();
        JsonNode cert = json.path("le-http").path("Certificates").get(0);
        assertThat(cert.path("domain").path("main").asText()).isEqualTo("http01.example.com");
        assertThat(cert.path("Store").asText()).isEqualTo("default");
        assertThat(new String(java.util.Base64.getDecoder().decode(cert.path("certificate").asText())))
                .startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.getPosixFilePermissions(storage)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // a restart reads acme.json: the certificate is there without asking the CA, and is not requested again
        AcmeResolver restarted = resolver("le-http", storage, true);
        assertThat(restarted.certificates()).hasSize(1);
        assertThat(restarted.certificates().getFirst().certificate().leaf()).isEqualTo(
                resolver.certificates().getFirst().certificate().leaf());
        restarted.resolve(List.of(new Domain("http01.example.com", null))).get(5, TimeUnit.SECONDS);
        assertThat(restarted.certificates()).hasSize(1);
    }

    @Test
    void issuesOverTlsAlpn01() throws Exception {
        AcmeResolver resolver = resolver("le-tls", dir.resolve("tls/acme.json"), false);
        resolver.resolve(List.of(new Domain("alpn.example.com", null))).get(90, TimeUnit.SECONDS);
        assertThat(resolver.certificates()).hasSize(1);
        assertThat(dnsNames(served("alpn.example.com"))).contains("alpn.example.com");
    }

    @Test
    void renewsACertificateThatExpiresWithinTheRenewPeriod() throws Exception {
        Path storage = dir.resolve("renew/acme.json");
        var expiring = io.trafficcop.proxy.tls.DefaultCertificate.selfSigned("renew.example.com",
                List.of("renew.example.com"), Duration.ofDays(10)); // 90-day certificates renew 30 days ahead
        new AcmeStorage(storage).saveCertificates("le-renew", List.of(new AcmeStorage.StoredCertificate(
                new AcmeStorage.StoredDomain("renew.example.com", null),
                Pem.encode(expiring.chain()).getBytes(), Pem.encode(expiring.key()).getBytes(), "default")));
        AcmeResolver resolver = resolver("le-renew", storage, true);
        assertThat(resolver.certificates()).singleElement()
                .satisfies(c -> assertThat(c.certificate().leaf()).isEqualTo(expiring.leaf()));
        proxy.apply(snapshot());
        assertThat(served("renew.example.com")).isEqualTo(expiring.leaf()); // served until renewed

        resolver.renewDue().get(90, TimeUnit.SECONDS);
        assertThat(resolver.certificates()).singleElement().satisfies(c ->
                assertThat(c.certificate().leaf().getIssuerX500Principal().getName()).containsIgnoringCase("Pebble"));
        assertThat(served("renew.example.com").getIssuerX500Principal().getName()).containsIgnoringCase("Pebble");
    }

    @Test
    void registersWithExternalAccountBinding() throws Exception {
        AcmeResolver bound = resolver("le-eab", dir.resolve("eab/acme.json"), true,
                new io.trafficcop.proxy.config.install.Eab("kid-1", EAB_KEY));
        bound.resolve(List.of(new Domain("eab.example.com", null))).get(90, TimeUnit.SECONDS);
        assertThat(bound.certificates()).hasSize(1);

        String wrongKey = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        AcmeResolver refused = resolver("le-eab-wrong", dir.resolve("eab-wrong/acme.json"), true,
                new io.trafficcop.proxy.config.install.Eab("kid-1", wrongKey));
        refused.resolve(List.of(new Domain("eab-wrong.example.com", null))).get(90, TimeUnit.SECONDS);
        assertThat(refused.certificates()).isEmpty(); // logged and retried, never thrown
    }
}
