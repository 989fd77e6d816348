package io.trafficcop.proxy.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's TestGetBestCertificate rows and its matchDomain rules. */
class CertificateStoreTest {

    static final TestPki.Issued CA = TestPki.ca("ca");

    @ParameterizedTest(name = "{0}: {1} in [{2}] -> {3}")
    @CsvSource(delimiter = '|', value = {
        "Empty Store, returns no certs|snitest.com||",
        "Best Match with no corresponding|snitest.com|snitest.org|",
        "Best Match|snitest.com|snitest.com|snitest.com",
        "Best Match with dynamic wildcard|www.snitest.com|*.snitest.com|*.snitest.com",
        "Best Match with dynamic wildcard only, case-insensitive|bar.www.snitest.com|*.www.snitest.com|*.www.snitest.com",
        "Upper-case certificate names|BAR.www.snitest.com|*.WWW.snitest.com|*.www.snitest.com",
        "Wildcard matches one label only|a.b.snitest.com|*.snitest.com|",
        "Wildcard does not match the apex|snitest.com|*.snitest.com|",
        "Trailing dot in the certificate name|www.snitest.com|*.snitest.com.|*.snitest.com.",
    })
    void findsTheBestCertificate(String desc, String serverName, String certName, String expected) {
        List<ServedCertificate> certs = certName == null ? List.of()
                : List.of(TestPki.server(CA, certName, certName).served());
        CertificateStore store = new CertificateStore("default", certs, null);
        ServedCertificate best = store.best(serverName);
        if (expected == null) {
            assertThat(best).isNull();
        } else {
            assertThat(best).isNotNull();
            assertThat(best.names()).contains(expected);
        }
    }

    @Test
    void prefersTheExactOnlyCertificateOverASharedSan() {
        // Traefik's TestGetBestCertificate_SharedSAN: keys are tried in reverse order, "app.example.test" sorts last
        ServedCertificate wildcard = TestPki.server(CA, "*.app.example.test", "*.app.example.test", "app.example.test").served();
        ServedCertificate exact = TestPki.server(CA, "app.example.test", "app.example.test").served();
        CertificateStore store = new CertificateStore("default", List.of(wildcard, exact), null);
        assertThat(store.best("app.example.test")).isSameAs(exact);
        assertThat(store.best("x.app.example.test")).isSameAs(wildcard);
    }

    @Test
    void indexesByCommonNameDnsNamesAndIpAddresses() {
        ServedCertificate cert = TestPki.server(CA, "Main.Test", "main.test", "alt.test", "10.0.0.1").served();
        // Go compares the SAN with the CN as written, so a differently-cased CN appears twice, as in Traefik's key
        assertThat(cert.names()).containsExactly("main.test", "main.test", "alt.test", "10.0.0.1");
        assertThat(cert.storeKey()).isEqualTo("10.0.0.1,alt.test,main.test,main.test");
        ServedCertificate same = TestPki.server(CA, "main.test", "main.test", "alt.test").served();
        assertThat(same.names()).containsExactly("main.test", "alt.test");
    }

    @Test
    void keepsTheFirstCertificateOfAKey() {
        ServedCertificate first = TestPki.server(CA, "dup.test", "dup.test").served();
        ServedCertificate second = TestPki.server(CA, "dup.test", "dup.test").served();
        assertThat(new CertificateStore("default", List.of(first, second), null).best("dup.test")).isSameAs(first);
    }

    @Test
    void generatesTraefiksDefaultCertificate() {
        ServedCertificate cert = DefaultCertificate.generate();
        assertThat(ServedCertificate.commonName(cert.leaf())).isEqualTo("TRAEFIK DEFAULT CERT");
        assertThat(cert.names().get(1)).matches("[0-9a-f]{32}\\.[0-9a-f]{32}\\.traefik\\.default");
        assertThat(cert.key().getAlgorithm()).isEqualTo("RSA");
    }
}
