/**
 * Pure functions from a TrafficCop spec and its Traefik configuration to the desired Kubernetes resources and the
 * configuration hashes. No client, no I/O: everything here is unit-tested without a cluster.
 */
package io.trafficcop.operator.model;
