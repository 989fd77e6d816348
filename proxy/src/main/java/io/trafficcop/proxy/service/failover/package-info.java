/** Traefik's {@code http.services.<name>.failover}, with health-based and status-code based ({@code errors}) failover. */
package io.trafficcop.proxy.service.failover;
