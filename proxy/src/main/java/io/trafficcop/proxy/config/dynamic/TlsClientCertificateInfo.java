package io.trafficcop.proxy.config.dynamic;


/**
 * Traefik's {@code http.middlewares.<name>.passTLSClientCert.info} ({@code dynamic.TLSClientCertificateInfo}).
 */
public record TlsClientCertificateInfo(
        Boolean notAfter,
        Boolean notBefore,
        Boolean sans,
        Boolean serialNumber,
        TlsClientCertificateSubjectDnInfo subject,
        TlsClientCertificateIssuerDnInfo issuer) {
}
