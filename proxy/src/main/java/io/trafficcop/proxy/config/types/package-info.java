/**
 * Records shared by Traefik's static and dynamic configurations ({@code pkg/types}): {@link
 * io.trafficcop.proxy.config.types.Domain} and {@link io.trafficcop.proxy.config.types.ClientTls}.
 */
package io.trafficcop.proxy.config.types;
