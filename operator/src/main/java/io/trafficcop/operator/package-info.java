/** The TrafficCop Kubernetes operator: reconciles {@code TrafficCop} resources into proxy fleets. */
package io.trafficcop.operator;
