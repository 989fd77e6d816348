/** Traefik's weighted round robin (earliest deadline first), {@code loadBalancer.strategy: wrr}. */
package io.trafficcop.proxy.service.loadbalancer.wrr;
