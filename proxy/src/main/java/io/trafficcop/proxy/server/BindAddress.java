package io.trafficcop.proxy.server;

import java.net.InetSocketAddress;

/**
 * Parses Traefik's entry point {@code address}: ":8080" (every interface), "127.0.0.1:8080", "[::]:8080",
 * "host:8080", with an optional "/tcp" suffix.
 */
public final class BindAddress {

    private BindAddress() {
    }

    public static InetSocketAddress parse(String address) {
        String text = address.trim();
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            String proto = text.substring(slash + 1);
            if (!proto.equalsIgnoreCase("tcp")) {
                throw new IllegalArgumentException("not a TCP address: " + address);
            }
            text = text.substring(0, slash);
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address without port: " + address);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port in address: " + address, e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("invalid port in address: " + address);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
