package io.trafficcop.proxy.middleware.ip;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** {@code ipStrategy.ipv6Subnet}: an IPv6 address reduced to its network address (Go's netip Prefix().Addr()). */
final class Ipv6Subnet {

    private Ipv6Subnet() {
    }

    /** The network address of {@code ip}/{@code bits} when ip is IPv6; ip unchanged otherwise (IPv4, unparsable). */
    static String apply(String ip, int bits) {
        String bare = IpChecker.stripZone(ip);
        if (bare.indexOf(':') < 0) {
            return ip; // IPv4 (or garbage): Go leaves it as it is
        }
        byte[] address = NetUtil.createByteArrayFromIpAddressString(bare);
        if (address == null || address.length != 16) {
            return ip;
        }
        for (int i = 0; i < 16; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            address[i] &= (byte) (0xFF00 >>> keep);
        }
        try {
            return NetUtil.toAddressString(InetAddress.getByAddress(address), true);
        } catch (UnknownHostException e) {
            return ip; // cannot happen for 16 bytes
        }
    }
}
