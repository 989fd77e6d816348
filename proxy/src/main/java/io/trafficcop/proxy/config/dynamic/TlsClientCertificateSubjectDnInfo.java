package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * Traefik's {@code http.middlewares.<name>.passTLSClientCert.info.subject} ({@code dynamic.TLSClientCertificateSubjectDNInfo}).
 */
@NotImplemented("middleware not implemented yet")
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
