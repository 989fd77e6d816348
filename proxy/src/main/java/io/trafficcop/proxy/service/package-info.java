/**
 * HTTP services (Traefik's {@code http.services}).
 *
 * <h2>Building a snapshot's services (for the configuration compiler)</h2>
 * <pre>{@code
 * // long-lived, created once with the proxy:
 * HealthCheckRegistry healthChecks = new HealthCheckRegistry(loops.workers(), socketChannelClass);
 * ServiceMetrics metrics = new ServiceMetrics();
 * // per configuration:
 * ServiceContext context = new ServiceContext(transportsByQualifiedName::get, healthChecks, metrics,
 *         RandomGenerator.getDefault());
 * HttpServiceBuilder services = new HttpServiceBuilder(servicesByQualifiedName, context);
 * HttpService handler = services.build("whoami@docker");   // a router's service; errors in services.errors()
 * // after swapping the new snapshot in:
 * healthChecks.retainOnly(servicesByQualifiedName.keySet());
 * }</pre>
 * Each kind also has its own factory taking its record: {@link io.trafficcop.proxy.service.ServersLoadBalancer#create},
 * {@link io.trafficcop.proxy.service.weighted.WeightedService#create},
 * {@link io.trafficcop.proxy.service.mirroring.MirroringService#create},
 * {@link io.trafficcop.proxy.service.failover.FailoverService#create},
 * {@link io.trafficcop.proxy.service.loadbalancer.hrw.HighestRandomWeightService#create}.
 *
 * <h2>What outlives a snapshot</h2>
 * Active health checkers live in the {@link io.trafficcop.proxy.service.healthcheck.HealthCheckRegistry}, keyed by
 * service name: an unchanged service (same healthCheck, server URLs and transport) keeps its checker and the statuses
 * it knows, which are replayed into the new balancer. Metrics live in
 * {@link io.trafficcop.proxy.service.metrics.ServiceMetrics}. Sticky cookies need no state: their value is a hash of
 * the server URL (or child service name), valid for any snapshot and any proxy instance.
 *
 * <h2>Strategies</h2>
 * {@link io.trafficcop.proxy.service.ServerSelector} implementations: wrr (data plane), p2c, hrw, leasttime and
 * TrafficCop's {@code x-trafficcop-leastconn} and {@code x-trafficcop-random} (the {@code x-trafficcop-} prefix
 * cannot clash with a future Traefik value).
 */
package io.trafficcop.proxy.service;
