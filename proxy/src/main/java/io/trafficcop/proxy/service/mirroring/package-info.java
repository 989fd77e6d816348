/** Traefik's {@code http.services.<name>.mirroring}: fire-and-forget copies of requests to mirror services. */
package io.trafficcop.proxy.service.mirroring;
