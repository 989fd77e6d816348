/**
 * TLS termination as Traefik's {@code tls} section: certificates ({@link io.trafficcop.proxy.tls.ServedCertificate},
 * Traefik's FileOrContent), stores ({@link io.trafficcop.proxy.tls.CertificateStore}, the generated
 * {@link io.trafficcop.proxy.tls.DefaultCertificate}), options ({@link io.trafficcop.proxy.tls.ServerTlsOptions})
 * and the per-snapshot SNI choice ({@link io.trafficcop.proxy.tls.TlsTermination} →
 * {@link io.trafficcop.proxy.tls.SniSslContexts}). On the wire: {@link io.trafficcop.proxy.tls.TlsDetector} (TLS or
 * plain HTTP on one entry point), {@link io.trafficcop.proxy.tls.SniTlsHandler} (ClientHello → SslHandler) and
 * {@link io.trafficcop.proxy.tls.AlpnHandler} (h2 | http/1.1). The OpenSSL (BoringSSL) engine is used when available,
 * the JDK engine otherwise.
 */
package io.trafficcop.proxy.tls;
