/**
 * Connections to backend servers (Traefik's servers transports): per-event-loop keep-alive pools keyed by server URL
 * and servers transport; HTTP/1.1 forwarding with back-pressure both ways; TLS to {@code https://} servers with
 * client SslContexts cached per transport ({@link io.trafficcop.proxy.upstream.UpstreamSslContexts}); HTTP/2 to
 * {@code h2c://} servers and to TLS servers that choose h2 over ALPN, each exchange a stream multiplexed on a shared
 * connection; dial, response-header, idle and HTTP/2 PING timeouts.
 */
package io.trafficcop.proxy.upstream;
