/** The {@code TrafficCop} custom resource, version v1alpha1: its spec and status, generated into crds/ by the build. */
package io.trafficcop.operator.api.v1alpha1;
