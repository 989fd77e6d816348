package io.trafficcop.proxy.middleware.ip;

/** Go's {@code net.SplitHostPort} reduced to what the IP strategies need: the host of "host:port" or "[v6]:port". */
final class HostAndPort {

    private HostAndPort() {
    }

    /** The host part of "host:port" / "[host]:port"; the input itself when it has no port. */
    static String hostOf(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        if (address.charAt(0) == '[') {
            int end = address.indexOf(']');
            if (end > 0 && end + 1 < address.length() && address.charAt(end + 1) == ':') {
                return address.substring(1, end);
            }
            return address;
        }
        int colon = address.indexOf(':');
        if (colon < 0 || colon != address.lastIndexOf(':')) {
            return address; // no port, or a bare IPv6 address (too many colons)
        }
        return address.substring(0, colon);
    }
}
