package io.trafficcop.proxy.service;

/**
 * Traefik's {@code healthcheck.StatusSetter}: what active and passive health checkers drive — marks one child
 * (a server, by its URL) up or down.
 */
@FunctionalInterface
public interface StatusSetter {

    void setStatus(String childName, boolean up);
}
