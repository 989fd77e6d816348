/**
 * Traefik's ACME certificate resolvers ({@code certificatesResolvers.<name>.acme}) on acme4j: Traefik's acme.json
 * ({@link io.trafficcop.proxy.tls.acme.AcmeStorage}), issuance and renewal
 * ({@link io.trafficcop.proxy.tls.acme.AcmeResolver}), HTTP-01 answers
 * ({@link io.trafficcop.proxy.tls.acme.HttpChallengeTokens}); TLS-ALPN-01 certificates go to
 * {@link io.trafficcop.proxy.tls.TlsAlpnChallengeCertificates}.
 */
package io.trafficcop.proxy.tls.acme;
