/** One java-operator-sdk dependent resource per kind a TrafficCop owns, and the conditions that switch them on. */
package io.trafficcop.operator.dependent;
