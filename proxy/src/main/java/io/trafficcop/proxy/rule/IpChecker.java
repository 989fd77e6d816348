package io.trafficcop.proxy.rule;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Traefik's {@code ip.Checker} as used by the ClientIP matcher: a list of IPs and CIDRs parsed with Go's
 * {@code net.ParseIP} / {@code net.ParseCIDR} rules (no leading zeros in IPv4, no zones, no host names: no DNS
 * lookup ever happens), matched against the connection's peer address with Go's {@code IP.Equal} and
 * {@code IPNet.Contains} (an IPv4-mapped IPv6 CIDR behaves as the IPv4 CIDR it maps).
 */
final class IpChecker {
    private final byte[][] ips;      // 16-byte forms
    private final byte[][] nets;     // network numbers, 4 or 16 bytes
    private final byte[][] masks;    // same length as nets

    private IpChecker(byte[][] ips, byte[][] nets, byte[][] masks) {
        this.ips = ips;
        this.nets = nets;
        this.masks = masks;
    }

    /** Go's ip.NewChecker; the exception message is Go's error text. */
    static IpChecker of(List<String> trusted) throws IllegalArgumentException {
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("no trusted IPs provided");
        }
        List<byte[]> ips = new ArrayList<>();
        List<byte[]> nets = new ArrayList<>();
        List<byte[]> masks = new ArrayList<>();
        for (String entry : trusted) {
            byte[] ip = GoIp.parseAddr(entry, false);
            if (ip != null) {
                ips.add(to16(ip));
                continue;
            }
            int slash = entry.indexOf('/');
            byte[] addr = slash < 0 ? null : GoIp.parseAddr(entry.substring(0, slash), false);
            int bits = addr == null ? -1 : GoIp.dtoi(entry.substring(slash + 1));
            int bitLen = addr == null ? 0 : addr.length * 8;
            if (addr == null || bits < 0 || bits > bitLen) {
                throw new IllegalArgumentException("parsing CIDR trusted IPs <nil>: invalid CIDR address: " + entry);
            }
            byte[] mask = new byte[addr.length];
            for (int i = 0; i < bits; i++) {
                mask[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
            byte[] net = new byte[addr.length];
            for (int i = 0; i < addr.length; i++) {
                net[i] = (byte) (addr[i] & mask[i]);
            }
            // networkNumberAndMask: an IPv4-mapped network number is handled as IPv4.
            if (net.length == 16 && isV4Mapped(net)) {
                net = java.util.Arrays.copyOfRange(net, 12, 16);
                mask = java.util.Arrays.copyOfRange(mask, 12, 16);
            }
            nets.add(net);
            masks.add(mask);
        }
        return new IpChecker(ips.toArray(new byte[0][]), nets.toArray(new byte[0][]), masks.toArray(new byte[0][]));
    }

    boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] raw = address.getAddress();
        byte[] ip16 = raw.length == 16 ? raw : null;
        for (byte[] allowed : ips) {
            if (raw.length == 4 ? isV4Mapped(allowed) && regionEquals(allowed, 12, raw) : java.util.Arrays.equals(allowed, ip16)) {
                return true;
            }
        }
        byte[] ip = raw.length == 16 && isV4Mapped(raw) ? java.util.Arrays.copyOfRange(raw, 12, 16) : raw;
        for (int n = 0; n < nets.length; n++) {
            byte[] net = nets[n];
            if (net.length != ip.length) {
                continue;
            }
            byte[] mask = masks[n];
            boolean ok = true;
            for (int i = 0; i < net.length; i++) {
                if ((ip[i] & mask[i]) != net[i]) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionEquals(byte[] a, int offset, byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (a[offset + i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean isV4Mapped(byte[] a) {
        if (a.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }

    private static byte[] to16(byte[] ip) {
        if (ip.length == 16) {
            return ip;
        }
        byte[] out = new byte[16];
        out[10] = (byte) 0xff;
        out[11] = (byte) 0xff;
        System.arraycopy(ip, 0, out, 12, 4);
        return out;
    }
}
