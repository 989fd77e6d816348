/**
 * HTTP services (Traefik's {@code http.services}): the load balancer over servers and the
 * {@link io.trafficcop.proxy.service.ServerSelector} strategy interface.
 */
package io.trafficcop.proxy.service;
