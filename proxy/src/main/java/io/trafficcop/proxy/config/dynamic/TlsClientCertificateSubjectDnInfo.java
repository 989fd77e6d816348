package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.middlewares.<name>.passTLSClientCert.info.subject} ({@code dynamic.TLSClientCertificateSubjectDNInfo}).
 */
public record TlsClientCertificateSubjectDnInfo(
        Boolean country,
        Boolean province,
        Boolean locality,
        Boolean organization,
        Boolean organizationalUnit,
        Boolean commonName,
        Boolean serialNumber,
        Boolean domainComponent) {
}
