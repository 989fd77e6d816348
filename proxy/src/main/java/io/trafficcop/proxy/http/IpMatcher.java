package io.trafficcop.proxy.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches addresses against a list of IPs and CIDRs (Traefik's {@code ip.Checker}, as used by
 * {@code forwardedHeaders.trustedIPs}). IPv4-mapped IPv6 addresses match their IPv4 form.
 */
public final class IpMatcher {

    private record Range(byte[] network, int prefix) {
    }

    private final List<Range> ranges;

    private IpMatcher(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Parses "1.2.3.4", "10.0.0.0/8", "::1", "fe80::/10"; throws IllegalArgumentException on a bad entry. */
    public static IpMatcher of(List<String> entries) {
        List<Range> ranges = new ArrayList<>(entries.size());
        for (String entry : entries) {
            String text = entry.trim();
            int slash = text.indexOf('/');
            String ip = slash < 0 ? text : text.substring(0, slash);
            byte[] network = parseLiteral(ip);
            if (network == null) {
                throw new IllegalArgumentException("invalid trusted IP or CIDR: " + entry);
            }
            int max = network.length * 8;
            int prefix = max;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid CIDR: " + entry, e);
                }
                if (prefix < 0 || prefix > max) {
                    throw new IllegalArgumentException("invalid CIDR prefix: " + entry);
                }
            }
            ranges.add(new Range(network, prefix));
        }
        return new IpMatcher(List.copyOf(ranges));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean matches(InetAddress address) {
        byte[] ip = normalize(address.getAddress());
        for (int i = 0; i < ranges.size(); i++) {
            Range r = ranges.get(i);
            if (r.network.length == ip.length && samePrefix(r.network, ip, r.prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (b[full] & mask);
    }

    private static byte[] parseLiteral(String ip) {
        if (ip.isEmpty() || !(Character.digit(ip.charAt(0), 16) >= 0 || ip.charAt(0) == ':')) {
            return null;
        }
        for (int i = 0; i < ip.length(); i++) {
            char c = ip.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
                return null; // a hostname: never resolved
            }
        }
        try {
            return normalize(InetAddress.getByName(ip).getAddress());
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] normalize(byte[] ip) {
        if (ip.length == 16) {
            for (int i = 0; i < 10; i++) {
                if (ip[i] != 0) {
                    return ip;
                }
            }
            if (ip[10] == (byte) 0xFF && ip[11] == (byte) 0xFF) {
                return new byte[] {ip[12], ip[13], ip[14], ip[15]};
            }
        }
        return ip;
    }
}
