/** Traefik's {@code passTLSClientCert} middleware. */
package io.trafficcop.proxy.middleware.passtlsclientcert;
