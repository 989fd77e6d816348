/**
 * The runtime model the data plane serves: the immutable {@link io.trafficcop.proxy.runtime.Snapshot} (routes per
 * entry point), compiled routers, and the plain settings records the configuration compiler fills in
 * (entry points, servers transports) with Traefik's defaults.
 */
package io.trafficcop.proxy.runtime;
