/** Traefik's {@code http.services.<name>.weighted}: weighted round robin over child services. */
package io.trafficcop.proxy.service.weighted;
