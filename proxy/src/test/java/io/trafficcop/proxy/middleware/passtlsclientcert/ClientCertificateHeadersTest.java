package io.trafficcop.proxy.middleware.passtlsclientcert;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.dynamic.TlsClientCertificateInfo;
import io.trafficcop.proxy.config.dynamic.TlsClientCertificateIssuerDnInfo;
import io.trafficcop.proxy.config.dynamic.TlsClientCertificateSubjectDnInfo;
import io.trafficcop.proxy.tls.TestPki;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The rows of Traefik's TestPassTLSClientCert_certInfo, on certificates with the same fields generated here. */
class ClientCertificateHeadersTest {

    static final String SIGNING_CA = "DC=org,DC=cheese,C=FR,C=US,ST=Signing State,ST=Signing State 2,L=TOULOUSE,"
            + "L=LYON,O=Cheese,O=Cheese 2,CN=Simple Signing CA 2";

    static final X509Certificate MINIMAL = TestPki.custom("C=FR,ST=Some-State,O=Cheese", SIGNING_CA,
            new BigInteger("481535886039632329873080491016862977516759989652"), 1544094636L, 1632568236L);

    static final X509Certificate COMPLETE = TestPki.custom("DC=org,DC=cheese,C=FR,C=US,ST=Cheese org state,"
                    + "ST=Cheese com state,L=TOULOUSE,L=LYON,O=Cheese,O=Cheese 2,OU=Simple Signing Section,"
                    + "OU=Simple Signing Section 2,CN=*.cheese.com", SIGNING_CA, BigInteger.ONE, 1544094616L, 1607166616L,
            "dns:*.cheese.org", "dns:*.cheese.net", "dns:*.cheese.com", "email:test@cheese.org", "email:test@cheese.net",
            "ip:10.0.1.0", "ip:10.0.1.2");

    static final String MINIMAL_ALL_INFO = String.join(";",
            "Subject=\"C=FR,ST=Some-State,O=Cheese\"",
            "Issuer=\"" + SIGNING_CA + "\"",
            "SerialNumber=\"481535886039632329873080491016862977516759989652\"",
            "NB=\"1544094636\"",
            "NA=\"1632568236\"");

    static final String COMPLETE_ALL_INFO = String.join(";",
            "Subject=\"DC=org,DC=cheese,C=FR,C=US,ST=Cheese org state,ST=Cheese com state,L=TOULOUSE,L=LYON,O=Cheese,"
                    + "O=Cheese 2,OU=Simple Signing Section,OU=Simple Signing Section 2,CN=*.cheese.com\"",
            "Issuer=\"" + SIGNING_CA + "\"",
            "SerialNumber=\"1\"",
            "NB=\"1544094616\"",
            "NA=\"1607166616\"",
            "SAN=\"*.cheese.org,*.cheese.net,*.cheese.com,test@cheese.org,test@cheese.net,10.0.1.0,10.0.1.2\"");

    static final TlsClientCertificateInfo ALL = new TlsClientCertificateInfo(true, true, true, true,
            new TlsClientCertificateSubjectDnInfo(true, true, true, true, true, true, true, true),
            new TlsClientCertificateIssuerDnInfo(true, true, true, true, true, true, true));

    static final TlsClientCertificateInfo SOME = new TlsClientCertificateInfo(true, null, true, null,
            new TlsClientCertificateSubjectDnInfo(null, null, null, true, null, null, null, null),
            new TlsClientCertificateIssuerDnInfo(true, null, null, null, null, null, null));

    static final TlsClientCertificateInfo NON_EXISTENT = new TlsClientCertificateInfo(true, null, true, null,
            new TlsClientCertificateSubjectDnInfo(null, null, null, true, true, null, null, null),
            new TlsClientCertificateIssuerDnInfo(true, null, null, null, null, true, null));

    static Stream<Arguments> infoRows() {
        return Stream.of(
                Arguments.of("simple certificate, all info", ALL, List.of(MINIMAL), MINIMAL_ALL_INFO),
                Arguments.of("simple certificate, some info", SOME, List.of(MINIMAL),
                        "Subject=\"O=Cheese\";Issuer=\"C=FR,C=US\";NA=\"1632568236\""),
                Arguments.of("simple certificate, non-existent info", NON_EXISTENT, List.of(MINIMAL),
                        "Subject=\"O=Cheese\";Issuer=\"C=FR,C=US\";NA=\"1632568236\""),
                Arguments.of("complete certificate, all info", ALL, List.of(COMPLETE), COMPLETE_ALL_INFO),
                Arguments.of("two certificates, all info", ALL, List.of(MINIMAL, COMPLETE),
                        MINIMAL_ALL_INFO + "," + COMPLETE_ALL_INFO),
                Arguments.of("empty subject info", new TlsClientCertificateInfo(null, null, null, null,
                        new TlsClientCertificateSubjectDnInfo(null, null, null, null, null, null, null, null), null),
                        List.of(MINIMAL), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infoRows")
    void writesTheInfoHeaderAsTraefik(String desc, TlsClientCertificateInfo info, List<X509Certificate> certs,
                                      String expected) {
        assertThat(ClientCertificateHeaders.info(info, certs)).isEqualTo(expected);
    }

    @Test
    void writesThePemBodiesWithoutArmourOrNewlines() throws Exception {
        String header = ClientCertificateHeaders.pem(List.of(MINIMAL, COMPLETE));
        String[] parts = header.split(",");
        assertThat(parts).hasSize(2);
        assertThat(Base64.getDecoder().decode(parts[0])).isEqualTo(MINIMAL.getEncoded());
        assertThat(Base64.getDecoder().decode(parts[1])).isEqualTo(COMPLETE.getEncoded());
        assertThat(header).doesNotContain("\n").doesNotContain("-----");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "a b|a+b",
        "Subject=\"C=FR\";NA=\"1\"|Subject%3D%22C%3DFR%22%3BNA%3D%221%22",
        "*.cheese.com,~x|%2A.cheese.com%2C~x",
        "é|%C3%A9",
    })
    void escapesAsGoQueryEscape(String raw, String escaped) {
        assertThat(ClientCertificateHeaders.queryEscape(raw)).isEqualTo(escaped);
    }

    @Test
    void writesIpv6SansInGoForm() {
        X509Certificate cert = TestPki.custom("CN=x", "CN=x", BigInteger.TWO, 0L, 100L, "ip:2001:db8::1", "uri:spiffe://a/b");
        assertThat(ClientCertificateHeaders.sans(cert)).containsExactly("2001:db8::1", "spiffe://a/b");
    }
}
