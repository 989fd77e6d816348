package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.middlewares.<name>.passTLSClientCert.info.issuer} ({@code dynamic.TLSClientCertificateIssuerDNInfo}).
 */
public record TlsClientCertificateIssuerDnInfo(
        Boolean country,
        Boolean province,
        Boolean locality,
        Boolean organization,
        Boolean commonName,
        Boolean serialNumber,
        Boolean domainComponent) {
}
