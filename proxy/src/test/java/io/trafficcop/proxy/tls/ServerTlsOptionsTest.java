package io.trafficcop.proxy.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trafficcop.proxy.config.dynamic.ClientAuth;
import io.trafficcop.proxy.config.dynamic.TlsOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's TestClientAuth rows and the validation of every option. */
class ServerTlsOptionsTest {

    static final String CA_PEM = Pem.encode(TestPki.ca("ca").certificate());

    static TlsOptions clientAuth(List<String> caFiles, String type) {
        return new TlsOptions(null, null, null, null, new ClientAuth(caFiles, type), null, null, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Empty ClientAuth option gives NoClientCert|false||NoClientCert",
        "NoClientCert|false|NoClientCert|NoClientCert",
        "RequestClientCert|false|RequestClientCert|RequestClientCert",
        "RequireAnyClientCert|false|RequireAnyClientCert|RequireAnyClientCert",
        "VerifyClientCertIfGiven with CA files|true|VerifyClientCertIfGiven|VerifyClientCertIfGiven",
        "RequireAndVerifyClientCert with CA files|true|RequireAndVerifyClientCert|RequireAndVerifyClientCert",
        "CA files without a type mean RequireAndVerifyClientCert|true||RequireAndVerifyClientCert",
    })
    void mapsClientAuthTypes(String desc, boolean withCa, String type, String expected) {
        ServerTlsOptions options = ServerTlsOptions.of("o", clientAuth(withCa ? List.of(CA_PEM) : null, type));
        assertThat(options.clientAuthType().name()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "VerifyClientCertIfGiven without CA files|VerifyClientCertIfGiven|false|invalid clientAuthType: VerifyClientCertIfGiven, CAFiles is required",
        "RequireAndVerifyClientCert without CA files|RequireAndVerifyClientCert|false|invalid clientAuthType: RequireAndVerifyClientCert, CAFiles is required",
        "Unknown type|Unknown|false|unknown client auth type \"Unknown\"",
        "Bad CA content|RequireAndVerifyClientCert|true|invalid certificate(s) content",
    })
    void rejectsInvalidClientAuth(String desc, String type, boolean badCa, String message) {
        assertThatThrownBy(() -> ServerTlsOptions.of("o", clientAuth(badCa ? List.of("Bad content") : null, type)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tls.options.o: " + message);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "|| TLSv1.2,TLSv1.3",
        "VersionTLS10|VersionTLS11| TLSv1,TLSv1.1",
        "VersionTLS13|| TLSv1.3",
        "|VersionTLS12| TLSv1.2",
    })
    void mapsVersionRanges(String min, String max, String protocols) {
        ServerTlsOptions options = ServerTlsOptions.of("o",
                new TlsOptions(min, max, null, null, null, null, null, null, null));
        assertThat(options.protocols()).containsExactly(protocols.strip().split(","));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "minVersion|VersionTLS9||||invalid minVersion \"VersionTLS9\"",
        "range|VersionTLS13|VersionTLS12|||minVersion VersionTLS13 is above maxVersion VersionTLS12",
        "cipher|||TLS_NOPE||invalid CipherSuite: TLS_NOPE",
        "curve||||P999|invalid CurveID in curvePreferences: P999",
    })
    void rejectsInvalidValues(String desc, String min, String max, String cipher, String curve, String message) {
        TlsOptions o = new TlsOptions(min, max, cipher == null ? null : List.of(cipher),
                curve == null ? null : List.of(curve), null, null, null, null, null);
        assertThatThrownBy(() -> ServerTlsOptions.of("o", o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tls.options.o: " + message);
    }

    @Test
    void acceptsEveryGoCipherSuiteAndCurveName() {
        List<String> ciphers = List.of("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_FALLBACK_SCSV", "TLS_AES_128_GCM_SHA256");
        List<String> curves = List.of("CurveP256", "secp384r1", "X25519", "x25519mlkem768");
        ServerTlsOptions options = ServerTlsOptions.of("o",
                new TlsOptions(null, null, ciphers, curves, null, null, null, null, null));
        assertThat(options.jdkNamedGroups()).containsExactly("secp256r1", "secp384r1", "x25519", "X25519MLKEM768");
        assertThat(options.alpnProtocols()).containsExactly("h2", "http/1.1", "acme-tls/1");
        // a context builds with them (unsupported suites are filtered by the engine)
        assertThat(options.newContext(TestPki.server(TestPki.ca("x"), "a", "a").served(), options.alpnProtocols()))
                .isNotNull();
    }
}
