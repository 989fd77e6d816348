package io.trafficcop.proxy.http;

/** Splits "host:port", "[v6]:port", "[v6]" and "host" without regex, as Go's net.SplitHostPort tolerates. */
public final class HostPort {

    private HostPort() {
    }

    /** The host without port and without IPv6 brackets' port; "[::1]:80" → "[::1]", "a:80" → "a". */
    public static String stripPort(String hostPort) {
        if (hostPort.isEmpty()) {
            return hostPort;
        }
        if (hostPort.charAt(0) == '[') {
            int end = hostPort.indexOf(']');
            return end < 0 ? hostPort : hostPort.substring(0, end + 1);
        }
        int colon = hostPort.indexOf(':');
        if (colon < 0 || hostPort.indexOf(':', colon + 1) >= 0) {
            return hostPort; // no port, or a bare IPv6 address
        }
        return hostPort.substring(0, colon);
    }

    /** The port of "host:port" / "[v6]:port", or null when there is none (Go's SplitHostPort error case). */
    public static String port(String hostPort) {
        int colon;
        if (!hostPort.isEmpty() && hostPort.charAt(0) == '[') {
            int end = hostPort.indexOf(']');
            if (end < 0 || end + 1 >= hostPort.length() || hostPort.charAt(end + 1) != ':') {
                return null;
            }
            colon = end + 1;
        } else {
            colon = hostPort.indexOf(':');
            if (colon < 0 || hostPort.indexOf(':', colon + 1) >= 0) {
                return null;
            }
        }
        String port = hostPort.substring(colon + 1);
        return port.isEmpty() ? null : port;
    }
}
