package io.trafficcop.proxy.tls.acme;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.install.Acme;
import io.trafficcop.proxy.config.install.HttpChallenge;
import io.trafficcop.proxy.config.types.Domain;
import io.trafficcop.proxy.tls.DefaultCertificate;
import io.trafficcop.proxy.tls.ServedCertificate;
import io.trafficcop.proxy.tls.TlsAlpnChallengeCertificates;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's acme.json as Traefik writes it (lego's PEM encodings, Go's base64 []byte) read and written back. */
class AcmeStorageTest {

    @TempDir
    Path dir;

    static String traditionalPem(Object o) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o); // "RSA PRIVATE KEY" / "CERTIFICATE", as lego writes them
        }
        return out.toString();
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readsAnAcmeJsonWrittenByTraefik() throws Exception {
        KeyPair account = AcmeKeys.newCertificateKey("RSA2048");
        ServedCertificate cert = DefaultCertificate.selfSigned("traefik.example.com",
                List.of("traefik.example.com", "www.traefik.example.com"), Duration.ofDays(90));
        String json = """
                {
                  "myresolver": {
                    "Account": {
                      "Email": "admin@example.com",
                      "Registration": {
                        "body": {"status": "valid", "contact": ["mailto:admin@example.com"]},
                        "uri": "https://acme-v02.api.letsencrypt.org/acme/acct/123"
                      },
                      "PrivateKey": "%s",
                      "KeyType": "4096"
                    },
                    "Certificates": [
                      {
                        "domain": {"main": "traefik.example.com", "sans": ["www.traefik.example.com"]},
                        "certificate": "%s",
                        "key": "%s",
                        "Store": "default"
                      },
                      {"domain": {"main": "empty.example.com"}, "certificate": "", "key": "", "Store": "default"}
                    ]
                  },
                  "other": {"Account": null, "Certificates": null}
                }
                """.formatted(Base64.getEncoder().encodeToString(AcmeKeys.toPkcs1(account.getPrivate())),
                b64(traditionalPem(cert.leaf())), b64(traditionalPem(cert.key())));
        Path file = Files.writeString(dir.resolve("acme.json"), json);

        AcmeStorage storage = new AcmeStorage(file);
        AcmeStorage.ResolverData data = storage.get("myresolver");
        assertThat(data.account().email()).isEqualTo("admin@example.com");
        assertThat(data.account().registration().uri()).endsWith("/acct/123");
        assertThat(AcmeKeys.fromPkcs1(data.account().privateKey()).getPublic()).isEqualTo(account.getPublic());
        assertThat(data.certificates()).hasSize(1); // the empty one is dropped, as Traefik does
        assertThat(Files.readString(file)).doesNotContain("empty.example.com").contains("other");

        AcmeResolver resolver = new AcmeResolver("myresolver", acme(file), storage, new HttpChallengeTokens(),
                new TlsAlpnChallengeCertificates(), null);
        try {
            assertThat(resolver.certificates()).singleElement().satisfies(c -> {
                assertThat(c.certificate().leaf()).isEqualTo(cert.leaf());
                assertThat(c.store()).isEqualTo("default");
                assertThat(c.resolver()).isEqualTo("myresolver");
            });
            // covered domains are not requested again (no CA is reachable here: a request would fail the future later)
            assertThat(resolver.resolve(List.of(new Domain("www.traefik.example.com", null)))).isCompleted();
        } finally {
            resolver.close();
        }
    }

    @Test
    void writesAtomicallyWithMode0600AndKeepsOtherResolvers() throws Exception {
        Path file = dir.resolve("sub/acme.json");
        AcmeStorage storage = new AcmeStorage(file);
        storage.saveAccount("a", new AcmeStorage.Account("x@example.com", null, new byte[] {1, 2}, null));
        storage.saveCertificates("b", List.of(new AcmeStorage.StoredCertificate(
                new AcmeStorage.StoredDomain("b.example.com", null), new byte[] {3}, new byte[] {4}, "default")));
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        AcmeStorage reread = new AcmeStorage(file);
        assertThat(reread.get("a").account().email()).isEqualTo("x@example.com");
        assertThat(reread.get("b").certificates()).singleElement()
                .satisfies(c -> assertThat(c.domain().main()).isEqualTo("b.example.com"));
        assertThat(Files.readString(file)).contains("\"Account\"", "\"Certificates\"", "\"domain\"", "\"Store\"",
                "\"PrivateKey\" : \"AQI=\"");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @ParameterizedTest(name = "{0} hours: renew {1} before, check every {2}")
    @CsvSource({
        "8760, P120D, P7D",
        "2160, P30D, P1D",
        "720, P10D, PT12H",
        "144, P2D, PT2H",
        "24, PT6H, PT10M",
        "1, PT20M, PT1M",
    })
    void renewsAsTraefik(int hours, Duration before, Duration every) {
        assertThat(AcmeResolver.renewDurations(hours)).containsExactly(before, every);
    }

    @Test
    void derivesDomainsFromRulesOrTlsDomains() {
        assertThat(AcmeResolver.domainsOf(List.of("a.test", "b.test", "a.test"), null))
                .containsExactly(new Domain("a.test", List.of("b.test")));
        assertThat(AcmeResolver.domainsOf(List.of("a.test"), List.of(new Domain("x.test", List.of("y.test")))))
                .containsExactly(new Domain("x.test", List.of("y.test")));
        assertThat(AcmeResolver.domainsOf(List.of(), null)).isEmpty();
    }

    @Test
    void rejectsInvalidConfiguration() {
        Acme noChallenge = new Acme(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AcmeResolver("le", noChallenge,
                        new AcmeStorage(dir.resolve("x.json")), new HttpChallengeTokens(), new TlsAlpnChallengeCertificates(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("certificatesResolvers.le.acme.");
        // dnsChallenge is accepted: the stored certificates are served, new ones are reported as not obtainable
        Acme dnsOnly = new Acme(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, new io.trafficcop.proxy.config.install.DnsChallenge("cloudflare", null, null, null, null),
                null, null);
        AcmeResolver dns = new AcmeResolver("le", dnsOnly, new AcmeStorage(dir.resolve("x.json")),
                new HttpChallengeTokens(), new TlsAlpnChallengeCertificates(), null);
        try {
            assertThat(dns.resolve(List.of(new Domain("a.example.com", null)))).isCompleted();
            assertThat(dns.certificates()).isEmpty();
        } finally {
            dns.close();
        }
    }

    static Acme acme(Path storage) {
        return new Acme("admin@example.com", "https://127.0.0.1:1/dir", null, null, null, null, storage.toString(),
                "EC256", null, null, GoDuration.ofSeconds(1), null, null, null, null, null, null,
                new HttpChallenge("web", null), null);
    }
}
