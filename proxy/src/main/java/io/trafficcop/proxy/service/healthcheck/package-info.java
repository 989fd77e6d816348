/**
 * Traefik's active ({@code loadBalancer.healthCheck}: HTTP and gRPC) and passive
 * ({@code loadBalancer.passiveHealthCheck}) health checks, and the registry keeping checkers across reloads.
 */
package io.trafficcop.proxy.service.healthcheck;
