package io.trafficcop.proxy.middleware.ip;

import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Traefik's {@code ip.Checker}: a list of IPs and CIDRs (the {@code sourceRange} of ipAllowList, the
 * {@code excludedIPs} of an ipStrategy) that addresses are checked against. An IPv4 entry also matches the
 * IPv4-mapped IPv6 form of its addresses, as Go's {@code net.IP.Equal} and {@code IPNet.Contains} do.
 */
public final class IpChecker {

    private final byte[][] ips;   // 16-byte forms
    private final byte[][] nets;  // network numbers, 4 or 16 bytes
    private final int[] prefixes;

    private IpChecker(byte[][] ips, byte[][] nets, int[] prefixes) {
        this.ips = ips;
        this.nets = nets;
        this.prefixes = prefixes;
    }

    /**
     * Go's {@code ip.NewChecker}: each entry is an IP or a CIDR.
     *
     * @throws IllegalArgumentException "no trusted IPs provided" or naming the entry that does not parse
     */
    public static IpChecker of(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("no trusted IPs provided");
        }
        List<byte[]> ips = new ArrayList<>();
        List<byte[]> nets = new ArrayList<>();
        List<Integer> prefixes = new ArrayList<>();
        for (String entry : entries) {
            byte[] ip = parseIp(entry);
            if (ip != null) {
                ips.add(to16(ip));
                continue;
            }
            int slash = entry == null ? -1 : entry.indexOf('/');
            byte[] address = slash < 0 ? null : parseIp(entry.substring(0, slash));
            int bits = address == null ? -1 : parseBits(entry.substring(slash + 1));
            if (address == null || bits < 0 || bits > address.length * 8) {
                throw new IllegalArgumentException("parsing CIDR trusted IPs <nil>: invalid CIDR address: " + entry);
            }
            if (address.length == 16 && isV4Mapped(address) && bits >= 96) {
                // Go handles an IPv4-mapped network as the IPv4 network it maps
                address = Arrays.copyOfRange(address, 12, 16);
                bits -= 96;
            }
            nets.add(mask(address, bits));
            prefixes.add(bits);
        }
        int[] p = new int[prefixes.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = prefixes.get(i);
        }
        return new IpChecker(ips.toArray(byte[][]::new), nets.toArray(byte[][]::new), p);
    }

    /**
     * Go's {@code Checker.Contains}: whether the textual address is in the list.
     *
     * @throws IllegalArgumentException when the address is empty or not an IP
     */
    public boolean contains(String address) {
        if (address == null || address.isEmpty()) {
            throw new IllegalArgumentException("empty IP address");
        }
        byte[] ip = parseIp(stripZone(address));
        if (ip == null) {
            throw new IllegalArgumentException("unable to parse address: " + address + ": can't parse IP from address "
                    + address);
        }
        return containsIp(ip);
    }

    /**
     * Whether the host of "host:port" (or the address itself when it has no port) is in the list.
     *
     * @throws IllegalArgumentException when the host is empty or not an IP
     */
    public boolean containsHostOf(String address) {
        return contains(HostAndPort.hostOf(address));
    }

    /** Whether the address (4 or 16 bytes) is in the list. */
    public boolean containsIp(byte[] address) {
        byte[] ip16 = to16(address);
        for (byte[] candidate : ips) {
            if (Arrays.equals(candidate, ip16)) {
                return true;
            }
        }
        byte[] ip4 = isV4Mapped(ip16) ? Arrays.copyOfRange(ip16, 12, 16) : null;
        for (int i = 0; i < nets.length; i++) {
            byte[] net = nets[i];
            byte[] ip = net.length == 4 ? ip4 : ip16;
            if (ip != null && samePrefix(net, ip, prefixes[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Go's {@code Checker.IsAuthorized}: null when authorized, otherwise the reason (as Traefik logs it). A
     * "host:port" address is checked by its host.
     */
    public String unauthorizedReason(String address) {
        try {
            return containsHostOf(address) ? null : "\"" + address + "\" matched none of the trusted IPs";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** Parses an IPv4 or IPv6 literal (no zone, no brackets); null when it is not one. */
    static byte[] parseIp(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            // Go (since 1.17) rejects IPv4 octets with leading zeros; Netty would read them as decimal
            if (!NetUtil.isValidIpV4Address(text) || hasLeadingZeroOctet(text)) {
                return null;
            }
        }
        return NetUtil.createByteArrayFromIpAddressString(text);
    }

    static String stripZone(String address) {
        int zone = address.indexOf('%');
        return zone < 0 ? address : address.substring(0, zone);
    }

    private static boolean hasLeadingZeroOctet(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('.', start);
            if (end < 0) {
                end = text.length();
            }
            if (end - start > 1 && text.charAt(start) == '0') {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static int parseBits(String text) {
        if (text.isEmpty() || text.length() > 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static byte[] mask(byte[] address, int bits) {
        byte[] net = address.clone();
        for (int i = 0; i < net.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            net[i] &= (byte) (0xFF00 >>> keep);
        }
        return net;
    }

    private static boolean samePrefix(byte[] net, byte[] ip, int bits) {
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (net[i] != ip[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int m = (0xFF << (8 - rest)) & 0xFF;
        return (net[full] & m) == (ip[full] & m);
    }

    static byte[] to16(byte[] ip) {
        if (ip.length == 16) {
            return ip;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(ip, 0, mapped, 12, 4);
        return mapped;
    }

    static boolean isV4Mapped(byte[] ip) {
        if (ip.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xFF && ip[11] == (byte) 0xFF;
    }
}
