package io.trafficcop.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.Certificate;
import io.trafficcop.proxy.runtime.UpstreamTlsSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validation and caching of servers transports' client SslContexts. */
class UpstreamSslContextsTest {

    private static UpstreamTlsSettings tls(List<String> rootCAs, List<Certificate> certificates, List<String> ciphers,
            String min, String max) {
        return new UpstreamTlsSettings(null, false, rootCAs, certificates, ciphers, min, max, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            VersionTLS10 | VersionTLS13 | TLSv1,TLSv1.1,TLSv1.2,TLSv1.3
                         |              | TLSv1.2,TLSv1.3
            VersionTLS12 | VersionTLS12 | TLSv1.2
                         | VersionTLS12 | TLSv1.2
            VersionTLS13 |              | TLSv1.3
            """)
    void mapsGoVersionsToProtocolRanges(String min, String max, String protocols) {
        assertThat(TlsVersions.between(min, max)).containsExactly(protocols.split(","));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305   | TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256
            TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 | TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
            TLS_AES_256_GCM_SHA384                  | TLS_AES_256_GCM_SHA384
            """)
    void mapsGoCipherSuiteNames(String go, String java) {
        assertThat(GoCipherSuites.toJava(List.of(go))).containsExactly(java);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            minVersion   | VersionTLS14 |              | invalid minVersion "VersionTLS14"
            maxVersion   |              | TLS1.2       | invalid maxVersion "TLS1.2"
            above        | VersionTLS13 | VersionTLS12 | minVersion VersionTLS13 is above maxVersion VersionTLS12
            """)
    void rejectsInvalidVersions(String label, String min, String max, String message) {
        assertThatThrownBy(() -> UpstreamSslContexts.of(tls(null, null, null, min, max), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"backend.test, backend.test, true", "BACKEND.test, backend.TEST, true", "*.example.com, a.example.com, true",
            "*.example.com, a.b.example.com, false", "*.example.com, example.com, false", "a.test, b.test, false"})
    void matchesDnsNamesAsGoDoes(String pattern, String host, boolean matches) {
        assertThat(PeerCertificates.dnsMatches(pattern, host)).isEqualTo(matches);
    }

    @Test
    void rejectsUnknownPeerCertSanTypes() {
        var tls = new UpstreamTlsSettings(null, true, null, null, null, null, null, null,
                List.of(new io.trafficcop.proxy.config.dynamic.San("IPAddress", "10.0.0.1")));
        assertThatThrownBy(() -> UpstreamSslContexts.validate(tls)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid peerCertSANs type \"IPAddress\": expected URI or DNSName");
    }

    @Test
    void rejectsUnknownCipherSuites() {
        assertThatThrownBy(() -> UpstreamSslContexts.of(tls(null, null, List.of("TLS_BOGUS"), null, null), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid cipherSuites entry \"TLS_BOGUS\"");
    }

    @Test
    void rejectsRootCAsThatAreNeitherFilesNorPem() {
        assertThatThrownBy(() -> UpstreamSslContexts.of(tls(List.of("/no/such/ca.pem"), null, null, null, null), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rootCAs: \"/no/such/ca.pem\" is neither a file nor PEM content");
    }

    @Test
    void rejectsIncompleteClientCertificates() {
        assertThatThrownBy(() -> UpstreamSslContexts.of(tls(null, List.of(new Certificate("x", null)), null, null,
                null), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("certificates: certFile and keyFile are both required");
    }

    @Test
    void buildsEachContextOnceForEqualSettings() {
        var ca = TestCertificates.authority("cache CA");
        var first = UpstreamSslContexts.of(tls(List.of(ca.certPem()), null, null, null, null), true);
        var second = UpstreamSslContexts.of(tls(List.of(ca.certPem()), null, null, null, null), true);
        assertThat(second).isSameAs(first);
        assertThat(UpstreamSslContexts.of(tls(List.of(ca.certPem()), null, null, null, null), false))
                .isNotSameAs(first);
        assertThat(first.applicationProtocolNegotiator().protocols()).containsExactly("h2", "http/1.1");
    }
}
