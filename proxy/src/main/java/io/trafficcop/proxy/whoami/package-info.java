/** A built-in traefik/whoami-like backend: the README demo and the backend of the test suites. */
package io.trafficcop.proxy.whoami;
