/**
 * Connections to backend servers: per-event-loop keep-alive pools keyed by server URL and servers transport,
 * HTTP/1.1 forwarding with back-pressure both ways, dial and response-header timeouts.
 */
package io.trafficcop.proxy.upstream;
