/** Traefik's {@code sticky.cookie} sessions of loadBalancer and weighted services. */
package io.trafficcop.proxy.service.sticky;
