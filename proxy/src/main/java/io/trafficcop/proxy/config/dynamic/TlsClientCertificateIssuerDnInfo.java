package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.middlewares.<name>.passTLSClientCert.info.issuer} ({@code dynamic.TLSClientCertificateIssuerDNInfo}).
 */
@NotImplemented("middleware not implemented yet")
public record TlsClientCertificateIssuerDnInfo(
        Boolean country,
        Boolean province,
        Boolean locality,
        Boolean organization,
        Boolean commonName,
        Boolean serialNumber,
        Boolean domainComponent) {
}
