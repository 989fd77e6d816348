/**
 * Entry points (Traefik's {@code entryPoints}): Netty bootstrap with one boss and shared worker event loops
 * (epoll when available), HTTP/1.1 keep-alive and HTTP/2 cleartext (prior knowledge and h2c upgrade) pipelines,
 * the per-connection exchange handler, WebSocket relaying, and graceful shutdown. {@link
 * io.trafficcop.proxy.server.ProxyServer} is the entry point of the data plane.
 */
package io.trafficcop.proxy.server;
