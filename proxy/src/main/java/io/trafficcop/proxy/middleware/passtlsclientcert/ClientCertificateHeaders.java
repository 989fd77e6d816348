package io.trafficcop.proxy.middleware.passtlsclientcert;

import io.trafficcop.proxy.config.dynamic.TlsClientCertificateInfo;
import io.trafficcop.proxy.config.dynamic.TlsClientCertificateIssuerDnInfo;
import io.trafficcop.proxy.config.dynamic.TlsClientCertificateSubjectDnInfo;
import io.trafficcop.proxy.tls.DistinguishedNames;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * The header values of Traefik's passTLSClientCert, exactly as its Go code writes them: the PEM bodies of the client
 * certificates (PEM armour and newlines removed, comma-separated), and the selected fields of each certificate
 * ({@code Subject="C=..,CN=.."};{@code Issuer=..};{@code SerialNumber=..};{@code NB=..};{@code NA=..};{@code SAN=..},
 * certificates comma-separated), URL query-escaped as Go's {@code url.QueryEscape}.
 */
public final class ClientCertificateHeaders {

    private static final String CERT_SEPARATOR = ",";
    private static final String FIELD_SEPARATOR = ";";
    private static final String SUB_FIELD_SEPARATOR = ",";

    private ClientCertificateHeaders() {
    }

    /** {@code X-Forwarded-Tls-Client-Cert}: each certificate's base64 DER as PEM wraps it, without armour or newlines. */
    public static String pem(List<X509Certificate> certificates) {
        List<String> values = new ArrayList<>();
        Base64.Encoder mime = Base64.getMimeEncoder(64, new byte[] {'\n'});
        for (X509Certificate c : certificates) {
            try {
                values.add(mime.encodeToString(c.getEncoded()).replace("\n", ""));
            } catch (CertificateEncodingException e) {
                values.add("");
            }
        }
        return String.join(CERT_SEPARATOR, values);
    }

    /** {@code X-Forwarded-Tls-Client-Cert-Info} before URL escaping. */
    public static String info(TlsClientCertificateInfo info, List<X509Certificate> certificates) {
        List<String> headerValues = new ArrayList<>();
        for (X509Certificate cert : certificates) {
            List<String> values = new ArrayList<>();
            String subject = subject(info.subject(), cert.getSubjectX500Principal());
            if (!subject.isEmpty()) {
                values.add("Subject=\"" + trimSuffix(subject) + "\"");
            }
            String issuer = issuer(info.issuer(), cert.getIssuerX500Principal());
            if (!issuer.isEmpty()) {
                values.add("Issuer=\"" + trimSuffix(issuer) + "\"");
            }
            if (isTrue(info.serialNumber()) && cert.getSerialNumber() != null) {
                values.add("SerialNumber=\"" + cert.getSerialNumber() + "\"");
            }
            if (isTrue(info.notBefore())) {
                values.add("NB=\"" + cert.getNotBefore().toInstant().getEpochSecond() + "\"");
            }
            if (isTrue(info.notAfter())) {
                values.add("NA=\"" + cert.getNotAfter().toInstant().getEpochSecond() + "\"");
            }
            if (isTrue(info.sans())) {
                List<String> sans = sans(cert);
                if (!sans.isEmpty()) {
                    values.add("SAN=\"" + String.join(SUB_FIELD_SEPARATOR, sans) + "\"");
                }
            }
            headerValues.add(String.join(FIELD_SEPARATOR, values));
        }
        return String.join(CERT_SEPARATOR, headerValues);
    }

    private static String subject(TlsClientCertificateSubjectDnInfo o, X500Principal name) {
        if (o == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (isTrue(o.domainComponent())) {
            parts(sb, name, DistinguishedNames.DC, "DC");
        }
        if (isTrue(o.country())) {
            parts(sb, name, DistinguishedNames.C, "C");
        }
        if (isTrue(o.province())) {
            parts(sb, name, DistinguishedNames.ST, "ST");
        }
        if (isTrue(o.locality())) {
            parts(sb, name, DistinguishedNames.L, "L");
        }
        if (isTrue(o.organization())) {
            parts(sb, name, DistinguishedNames.O, "O");
        }
        if (isTrue(o.organizationalUnit())) {
            parts(sb, name, DistinguishedNames.OU, "OU");
        }
        if (isTrue(o.serialNumber())) {
            part(sb, DistinguishedNames.last(name, DistinguishedNames.SERIAL_NUMBER), "SN");
        }
        if (isTrue(o.commonName())) {
            part(sb, DistinguishedNames.last(name, DistinguishedNames.CN), "CN");
        }
        return sb.toString();
    }

    private static String issuer(TlsClientCertificateIssuerDnInfo o, X500Principal name) {
        if (o == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (isTrue(o.domainComponent())) {
            parts(sb, name, DistinguishedNames.DC, "DC");
        }
        if (isTrue(o.country())) {
            parts(sb, name, DistinguishedNames.C, "C");
        }
        if (isTrue(o.province())) {
            parts(sb, name, DistinguishedNames.ST, "ST");
        }
        if (isTrue(o.locality())) {
            parts(sb, name, DistinguishedNames.L, "L");
        }
        if (isTrue(o.organization())) {
            parts(sb, name, DistinguishedNames.O, "O");
        }
        if (isTrue(o.serialNumber())) {
            part(sb, DistinguishedNames.last(name, DistinguishedNames.SERIAL_NUMBER), "SN");
        }
        if (isTrue(o.commonName())) {
            part(sb, DistinguishedNames.last(name, DistinguishedNames.CN), "CN");
        }
        return sb.toString();
    }

    private static void parts(StringBuilder sb, X500Principal name, ASN1ObjectIdentifier type, String prefix) {
        for (String v : DistinguishedNames.values(name, type)) {
            part(sb, v, prefix);
        }
    }

    private static void part(StringBuilder sb, String value, String prefix) {
        if (value != null && !value.isEmpty()) {
            sb.append(prefix).append('=').append(value).append(SUB_FIELD_SEPARATOR);
        }
    }

    private static String trimSuffix(String s) {
        return s.endsWith(SUB_FIELD_SEPARATOR) ? s.substring(0, s.length() - 1) : s;
    }

    /** Go's order: DNS names, e-mail addresses, IP addresses, URIs. */
    static List<String> sans(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> all = cert.getSubjectAlternativeNames();
            if (all == null) {
                return out;
            }
            for (int type : new int[] {2, 1, 7, 6}) {
                for (List<?> san : all) {
                    if ((Integer) san.get(0) == type) {
                        String v = String.valueOf(san.get(1));
                        out.add(type == 7 ? goIp(v) : v);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // unreadable SANs: none
        }
        return out;
    }

    /** Go's net.IP.String: IPv6 in its shortest form. */
    private static String goIp(String javaForm) {
        if (javaForm.indexOf(':') < 0) {
            return javaForm;
        }
        try {
            return java.net.InetAddress.getByName(javaForm) instanceof java.net.Inet6Address v6
                    ? compressIpv6(v6.getAddress()) : javaForm;
        } catch (java.net.UnknownHostException e) {
            return javaForm;
        }
    }

    private static String compressIpv6(byte[] a) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** Go's url.QueryEscape: unreserved bytes kept, space as '+', everything else %XX (upper-case hex). */
    public static String queryEscape(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
