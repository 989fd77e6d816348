package io.trafficcop.proxy.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.trafficcop.proxy.config.dynamic.CertAndStores;
import io.trafficcop.proxy.config.dynamic.Certificate;
import io.trafficcop.proxy.config.dynamic.ClientAuth;
import io.trafficcop.proxy.config.dynamic.TlsConfiguration;
import io.trafficcop.proxy.config.dynamic.TlsOptions;
import io.trafficcop.proxy.config.dynamic.TlsStore;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.TestRoutes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TLS termination on a real entry point with real clients: SNI, defaults, options, client auth, ALPN, hot swap. */
class TlsTerminationIT {

    static TestPki.Issued ca = TestPki.ca("Test CA");
    static TestPki.Issued otherCa = TestPki.ca("Other CA");
    static TestPki.Issued exact = TestPki.server(ca, "a.test", "a.test");
    static TestPki.Issued wildcard = TestPki.server(ca, "wild", "*.wild.test");
    static TestPki.Issued multi = TestPki.server(ca, "multi.test", "multi.test", "other.test", "localhost");
    static TestPki.Issued storeDefault = TestPki.server(ca, "store default");
    static TestPki.Issued trustedClient = TestPki.client(ca, "CN=trusted client");
    static TestPki.Issued untrustedClient = TestPki.client(otherCa, "CN=untrusted client");

    @TempDir
    static Path dir;

    static ProxyServer proxy;
    static io.trafficcop.proxy.whoami.WhoamiServer whoami;
    static TlsAlpnChallengeCertificates challenges = new TlsAlpnChallengeCertificates();

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        whoami = new io.trafficcop.proxy.whoami.WhoamiServer("keep").start("127.0.0.1", 0);
        proxy = new ProxyServer(1);
        proxy.start(List.of(EntryPointSettings.of("websecure", "127.0.0.1:0"),
                EntryPointSettings.of("strict", "127.0.0.1:0"),
                EntryPointSettings.of("impatient", "127.0.0.1:0").withRespondingTimeouts(
                        new io.trafficcop.proxy.runtime.RespondingTimeouts(java.time.Duration.ofMillis(300), null, null))),
                snapshot(configuration(exact)));
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        whoami.close();
    }

    static TlsConfiguration configuration(TestPki.Issued forA) throws IOException {
        // a.test from files (FileOrContent as a path), the others inline
        Path certFile = Files.writeString(Files.createTempFile(dir, "a", ".crt"), forA.certPem());
        Path keyFile = Files.writeString(Files.createTempFile(dir, "a", ".key"), forA.keyPem());
        Map<String, TlsOptions> options = new LinkedHashMap<>();
        options.put("tls13", new TlsOptions("VersionTLS13", null, null, null, null, null, null, null, null));
        options.put("tls12", new TlsOptions(null, "VersionTLS12", List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
                null, null, null, null, null, null));
        options.put("strict", new TlsOptions(null, null, null, null, null, true, null, null, null));
        options.put("curves", new TlsOptions(null, null, null, List.of("CurveP384"), null, null, null, null, null));
        for (ServerTlsOptions.ClientAuthType type : ServerTlsOptions.ClientAuthType.values()) {
            options.put(type.name(), new TlsOptions(null, null, null, null,
                    new ClientAuth(type.name().contains("Verify") ? List.of(Pem.encode(ca.certificate())) : null,
                            type.name()), null, null, null, null));
        }
        return new TlsConfiguration(
                List.of(new CertAndStores(certFile.toString(), keyFile.toString(), null),
                        new CertAndStores(wildcard.certPem(), wildcard.keyPem(), List.of("default")),
                        new CertAndStores(multi.certPem(), multi.keyPem(), null)),
                options,
                Map.of("default", new TlsStore(null, null)));
    }

    static Snapshot snapshot(TlsConfiguration tls) {
        TlsTermination termination = TlsTermination.build(tls, List.of(), challenges);
        assertThat(termination.errors()).isEmpty();
        List<TlsRouterHosts> routers = new ArrayList<>();
        routers.add(new TlsRouterHosts("v13", List.of("v13.wild.test"), "tls13"));
        routers.add(new TlsRouterHosts("v12", List.of("v12.wild.test"), "tls12"));
        routers.add(new TlsRouterHosts("curves", List.of("curves.wild.test"), "curves"));
        routers.add(new TlsRouterHosts("localhost", List.of("localhost"), "RequestClientCert"));
        for (ServerTlsOptions.ClientAuthType type : ServerTlsOptions.ClientAuthType.values()) {
            routers.add(new TlsRouterHosts(type.name(), List.of(type.name().toLowerCase() + ".wild.test"), type.name()));
        }
        // keep-alive tests go through a backend: the proxied response comes after the whole request was read
        TestRoutes routes = new TestRoutes()
                .host("v13.wild.test", "v13@test", new SniCheck("v13@test", "tls13")
                        .wrap(exchange -> exchange.respond(HttpResponseStatus.OK, "v13")))
                .path("/pass", "pass-path@test", new io.trafficcop.proxy.middleware.passtlsclientcert
                        .PassTlsClientCertMiddleware("pass-path@test", new io.trafficcop.proxy.config.dynamic
                        .PassTlsClientCert(true, null))
                        .wrap(io.trafficcop.proxy.testing.Services.loadBalancer("pass-path", whoami.url())))
                .host("keep.test", "keep@test", io.trafficcop.proxy.testing.Services.loadBalancer("keep", whoami.url()))
                .host("pass.test", "pass@test", new io.trafficcop.proxy.middleware.passtlsclientcert
                        .PassTlsClientCertMiddleware("pass@test", new io.trafficcop.proxy.config.dynamic.PassTlsClientCert(
                        true, new io.trafficcop.proxy.config.dynamic.TlsClientCertificateInfo(null, null, null, null,
                        new io.trafficcop.proxy.config.dynamic.TlsClientCertificateSubjectDnInfo(
                                null, null, null, null, null, true, null, null), null)))
                        .wrap(io.trafficcop.proxy.testing.Services.loadBalancer("pass", whoami.url())))
                .any("echo@test", exchange -> {
            SSLSession session = TlsConnection.session(exchange.channel());
            String peer;
            try {
                peer = session == null ? "none"
                        : ((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName();
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                peer = "none";
            }
            exchange.respond(HttpResponseStatus.OK, "secure=" + exchange.isSecure() + " http2=" + exchange.isHttp2()
                    + " sni=" + TlsConnection.serverName(exchange.channel()) + " peer=" + peer);
        });
        TlsTermination strict = TlsTermination.build(new TlsConfiguration(tls.certificates(),
                Map.of("default", new TlsOptions(null, null, null, null, null, true, null, null, null)), null),
                List.of(), challenges);
        return new Snapshot(Map.of("websecure", routes, "strict", routes),
                Map.of("websecure", termination.forEntryPoint(routers), "strict", strict.forEntryPoint(List.of())));
    }

    static SSLSocket connect(String entryPoint, String sni, SSLContext context, String... protocols) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", proxy.boundPort(entryPoint));
        socket.setSoTimeout(10_000);
        SSLParameters params = socket.getSSLParameters();
        if (sni != null) {
            params.setServerNames(List.of(new SNIHostName(sni)));
        }
        if (protocols.length > 0) {
            params.setProtocols(protocols);
        }
        socket.setSSLParameters(params);
        return socket;
    }

    static X509Certificate served(String sni) throws Exception {
        try (SSLSocket socket = connect("websecure", sni, insecure())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    static SSLContext insecure() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
        return ctx;
    }

    /** One HTTP/1.1 request on the socket (keep-alive), the response body; IOException when the server refuses. */
    static String get(java.net.Socket socket, String host) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int contentLength = -1;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            head.write(b);
            if (b == '\n') {
                String l = line.toString().trim();
                if (l.isEmpty()) {
                    break;
                }
                if (l.toLowerCase().startsWith("content-length:")) {
                    contentLength = Integer.parseInt(l.substring(15).trim());
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        return new String(in.readNBytes(contentLength), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "SNI {0} gets {1}")
    @CsvSource({
        "a.test, CN=a.test",
        "A.TEST, CN=a.test",
        "x.wild.test, CN=wild",
        "other.test, CN=multi.test",
        "multi.test, CN=multi.test",
        "deep.x.wild.test, CN=TRAEFIK DEFAULT CERT",
        "unknown.test, CN=TRAEFIK DEFAULT CERT",
    })
    void choosesTheCertificateBySni(String sni, String subject) throws Exception {
        assertThat(served(sni).getSubjectX500Principal().getName()).isEqualTo(subject);
    }

    @Test
    void servesTheGeneratedDefaultCertificateWithoutSni() throws Exception {
        X509Certificate cert = served(null);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=TRAEFIK DEFAULT CERT");
        assertThat(cert.getSubjectAlternativeNames().iterator().next().get(1).toString()).endsWith(".traefik.default");
    }

    @Test
    void servesTheStoreDefaultCertificate() throws Exception {
        TlsConfiguration base = configuration(exact);
        TlsConfiguration withDefault = new TlsConfiguration(base.certificates(), base.options(),
                Map.of("default", new TlsStore(new Certificate(storeDefault.certPem(), storeDefault.keyPem()), null)));
        Snapshot before = proxy.snapshot();
        proxy.apply(snapshot(withDefault));
        try {
            assertThat(served("unknown.test").getSubjectX500Principal().getName()).isEqualTo("CN=store default");
        } finally {
            proxy.apply(before);
        }
    }

    @Test
    void sniStrictRefusesUnknownNamesAndServesKnownOnes() throws Exception {
        try (SSLSocket ok = connect("strict", "a.test", insecure())) {
            ok.startHandshake();
            assertThat(get(ok, "a.test")).contains("secure=true");
        }
        assertThatThrownBy(() -> {
            try (SSLSocket refused = connect("strict", "unknown.test", insecure())) {
                refused.startHandshake();
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void appliesMinAndMaxVersionsAndCipherSuitesPerHost() throws Exception {
        assertThatThrownBy(() -> {
            try (SSLSocket s = connect("websecure", "v13.wild.test", insecure(), "TLSv1.2")) {
                s.startHandshake();
            }
        }).isInstanceOf(IOException.class);
        try (SSLSocket s = connect("websecure", "v13.wild.test", insecure())) {
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
        try (SSLSocket s = connect("websecure", "v12.wild.test", insecure())) {
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(s.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        }
        try (SSLSocket s = connect("websecure", "a.test", insecure())) {
            s.startHandshake();
            assertThat(s.getSession().getProtocol()).isEqualTo("TLSv1.3"); // Go's default range: 1.2 to 1.3
        }
        assertThatThrownBy(() -> {
            try (SSLSocket s = connect("websecure", "a.test", insecure(), "TLSv1.1")) {
                s.startHandshake();
            }
        }).isInstanceOf(IOException.class);
    }

    @ParameterizedTest(name = "{0} with {1} client certificate: accepted={2}")
    @CsvSource({
        "NoClientCert, none, true, none",
        "NoClientCert, trusted, true, none",
        "RequestClientCert, none, true, none",
        "RequestClientCert, trusted, true, CN=trusted client",
        "RequestClientCert, untrusted, true, CN=untrusted client",
        "RequireAnyClientCert, none, false, ",
        "RequireAnyClientCert, untrusted, true, CN=untrusted client",
        "VerifyClientCertIfGiven, none, true, none",
        "VerifyClientCertIfGiven, trusted, true, CN=trusted client",
        "VerifyClientCertIfGiven, untrusted, false, ",
        "RequireAndVerifyClientCert, none, false, ",
        "RequireAndVerifyClientCert, trusted, true, CN=trusted client",
        "RequireAndVerifyClientCert, untrusted, false, ",
    })
    void enforcesEachClientAuthType(String type, String clientCert, boolean accepted, String peer) throws Exception {
        SSLContext context = switch (clientCert) {
            case "trusted" -> trustedClient.clientContext(ca.certificate());
            case "untrusted" -> untrustedClient.clientContext(ca.certificate());
            default -> TestPki.trusting(ca.certificate());
        };
        String host = type.toLowerCase() + ".wild.test";
        try (SSLSocket s = connect("websecure", host, context)) {
            if (accepted) {
                assertThat(get(s, host)).endsWith("peer=" + peer);
            } else {
                assertThatThrownBy(() -> {
                    s.startHandshake();
                    get(s, host);
                }).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void negotiatesH2WithAlpnForTheJdkHttpClient() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().sslContext(TestPki.trusting(ca.certificate()))
                .version(HttpClient.Version.HTTP_2).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + proxy.boundPort("websecure") + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(response.body()).isEqualTo("secure=true http2=true sni=localhost peer=none");
        }
        try (HttpClient client = HttpClient.newBuilder().sslContext(TestPki.trusting(ca.certificate()))
                .version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + proxy.boundPort("websecure") + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(response.body()).startsWith("secure=true http2=false");
        }
    }

    @Test
    void servesPlainHttpOnTheSameEntryPoint() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + proxy.boundPort("websecure") + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).startsWith("secure=false");
        }
    }

    @Test
    void opensslSClientSeesSniCertificateAndAlpn() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl");
        Process p = new ProcessBuilder("/usr/bin/openssl", "s_client", "-connect",
                "127.0.0.1:" + proxy.boundPort("websecure"), "-servername", "x.wild.test", "-alpn", "h2,http/1.1")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("CN = wild").contains("ALPN protocol: h2");
    }

    @Test
    void swapsCertificatesForNewHandshakesWhileOpenConnectionsKeepTheirs() throws Exception {
        TestPki.Issued renewed = TestPki.server(ca, "a.test renewed", "a.test");
        Snapshot before = proxy.snapshot();
        try (SSLSocket open = connect("websecure", "a.test", insecure())) {
            assertThat(get(open, "keep.test")).contains("Name: keep");
            proxy.apply(snapshot(configuration(renewed)));
            assertThat(served("a.test").getSubjectX500Principal().getName()).isEqualTo("CN=a.test renewed");
            // the established connection still works, on its original session
            assertThat(get(open, "keep.test")).contains("Name: keep");
            assertThat(((X509Certificate) open.getSession().getPeerCertificates()[0]).getSubjectX500Principal()
                    .getName()).isEqualTo("CN=a.test");
        } finally {
            proxy.apply(before);
        }
    }

    @Test
    void passTlsClientCertForwardsTheClientCertificate() throws Exception {
        try (SSLSocket s = connect("websecure", "requestclientcert.wild.test", trustedClient.clientContext(ca.certificate()))) {
            String body = get(s, "pass.test");
            String pem = java.util.Base64.getEncoder().encodeToString(trustedClient.certificate().getEncoded());
            assertThat(body).containsIgnoringCase("X-Forwarded-Tls-Client-Cert: " + pem.substring(0, 40));
            assertThat(body).containsIgnoringCase("X-Forwarded-Tls-Client-Cert-Info: Subject%3D%22CN%3Dtrusted+client%22");
        }
        try (SSLSocket s = connect("websecure", "requestclientcert.wild.test", TestPki.trusting(ca.certificate()))) {
            assertThat(get(s, "pass.test")).doesNotContainIgnoringCase("X-Forwarded-Tls-Client-Cert");
        }
    }

    @ParameterizedTest(name = "closes a connection that sent {0} bytes")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 3, 12})
    void closesConnectionsThatStallBeforeTheHandshake(int sent) throws Exception {
        // 0: nothing; 3: less than a record header; 12: a TLS record header announcing more than what follows
        byte[] partial = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03, 0x00};
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", proxy.boundPort("impatient"))) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(partial, 0, sent);
            s.getOutputStream().flush();
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void answers421WhenTheHostUsesOtherTlsOptionsThanTheSni() throws Exception {
        try (SSLSocket s = connect("websecure", "v13.wild.test", insecure())) {
            assertThat(get(s, "v13.wild.test")).isEqualTo("v13");
        }
        try (SSLSocket s = connect("websecure", "a.test", insecure())) {
            assertThat(get(s, "v13.wild.test")).isEqualTo("Misdirected Request\n");
        }
    }

    @Test
    void passTlsClientCertWorksOnHttp2Streams() throws Exception {
        try (HttpClient client = HttpClient.newBuilder().sslContext(trustedClient.clientContext(ca.certificate()))
                .version(HttpClient.Version.HTTP_2).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + proxy.boundPort("websecure") + "/pass")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            String pem = java.util.Base64.getEncoder().encodeToString(trustedClient.certificate().getEncoded());
            assertThat(response.body()).containsIgnoringCase("X-Forwarded-Tls-Client-Cert: " + pem.substring(0, 40));
        }
    }

    @Test
    void keepsPlainConnectionsAlive() throws Exception {
        try (java.net.Socket open = new java.net.Socket("127.0.0.1", proxy.boundPort("websecure"))) {
            open.setSoTimeout(5000);
            assertThat(get(open, "keep.test")).contains("Name: keep");
            assertThat(get(open, "keep.test")).contains("Name: keep");
        }
    }

    @Test
    void keepsTlsConnectionsAlive() throws Exception {
        try (SSLSocket open = connect("websecure", "a.test", insecure())) {
            assertThat(get(open, "keep.test")).contains("Name: keep");
            assertThat(get(open, "keep.test")).contains("Name: keep");
        }
    }

    @Test
    void appliesCurvePreferences() throws Exception {
        try (SSLSocket s = connect("websecure", "curves.wild.test", insecure())) {
            SSLParameters params = s.getSSLParameters();
            params.setNamedGroups(new String[] {"x25519"});
            s.setSSLParameters(params);
            assertThatThrownBy(s::startHandshake).isInstanceOf(IOException.class);
        }
        try (SSLSocket s = connect("websecure", "curves.wild.test", insecure())) {
            SSLParameters params = s.getSSLParameters();
            params.setNamedGroups(new String[] {"x25519", "secp384r1"});
            s.setSSLParameters(params);
            s.startHandshake();
            assertThat(get(s, "curves.wild.test")).startsWith("secure=true");
        }
    }
}
