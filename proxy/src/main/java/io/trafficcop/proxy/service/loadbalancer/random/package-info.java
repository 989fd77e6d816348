/** The {@code loadBalancer.strategy} of the same name (see the class Javadoc). */
package io.trafficcop.proxy.service.loadbalancer.random;
