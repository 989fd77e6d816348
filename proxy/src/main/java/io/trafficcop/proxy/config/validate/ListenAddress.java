package io.trafficcop.proxy.config.validate;

import java.net.InetSocketAddress;

/**
 * An entry point's {@code address} as Traefik reads it: {@code [host]:port[/tcp|/udp]}, where an empty
 * host means every interface ({@code :8080}) and IPv6 hosts are bracketed ({@code [::1]:8080}).
 *
 * @param host the host to bind, empty for every interface
 * @param port the port, 0 for an ephemeral one
 * @param udp whether the address ends in {@code /udp}
 */
public record ListenAddress(String host, int port, boolean udp) {

    public static ListenAddress parse(String address) {
        if (address == null || address.isEmpty()) {
            throw new IllegalArgumentException("the address is missing");
        }
        String text = address;
        boolean udp = false;
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            String protocol = text.substring(slash + 1).toLowerCase();
            if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                throw new IllegalArgumentException("invalid address \"" + address + "\": unknown protocol \"" + protocol
                        + "\" (use tcp or udp)");
            }
            udp = protocol.equals("udp");
            text = text.substring(0, slash);
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid address \"" + address + "\": missing port (e.g. \":80\")");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("invalid address \"" + address + "\": put IPv6 addresses in brackets");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid address \"" + address + "\": invalid port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("invalid address \"" + address + "\": port out of range");
        }
        return new ListenAddress(host, port, udp);
    }

    public InetSocketAddress toSocketAddress() {
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
