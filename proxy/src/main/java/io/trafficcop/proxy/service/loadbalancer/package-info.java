/**
 * Load-balancing strategies ({@code loadBalancer.strategy}), one sub-package each: wrr, p2c, hrw, leasttime, and
 * TrafficCop's leastconn and random.
 */
package io.trafficcop.proxy.service.loadbalancer;
