package io.trafficcop.proxy.service;

/**
 * Finds (building it if needed) the service a weighted, mirroring, failover or highestRandomWeight service refers
 * to by name, as written in the configuration (the resolver qualifies it with the referring service's provider).
 */
@FunctionalInterface
public interface ServiceResolver {

    /** @throws IllegalArgumentException when the service does not exist or cannot be built */
    HttpService resolve(String name);
}
