package io.trafficcop.proxy.middleware.ip;

import io.trafficcop.proxy.config.dynamic.IpStrategy;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.ForwardedHeaders;
import io.trafficcop.proxy.rule.RoutingRequest;
import java.net.InetAddress;

/**
 * Traefik's {@code ip.Strategy}: which address of a request is "the client" for ipAllowList, rateLimit and
 * inFlightReq ({@code ipStrategy.depth}, {@code ipStrategy.excludedIPs}, {@code ipStrategy.ipv6Subnet}). The
 * result is a textual IP, or "" when the strategy finds none (which no source range contains).
 */
@FunctionalInterface
public interface ClientIpStrategy {

    String HEADER_X_FORWARDED_FOR = "X-Forwarded-For";

    String clientIp(RoutingRequest request);

    /**
     * Traefik's {@code IPStrategy.Get()}: depth &gt; 0 takes the depth-th address from the right of
     * X-Forwarded-For, else excludedIPs takes the right-most address not excluded, else the connection's peer
     * address. A null section is the peer address.
     *
     * @throws IllegalArgumentException for an ipv6Subnet outside 1..128 or an unparsable excludedIPs entry
     */
    static ClientIpStrategy of(IpStrategy config) {
        if (config == null) {
            return remoteAddress(null);
        }
        Integer subnet = config.ipv6Subnet();
        int depth = config.depth() == null ? 0 : config.depth();
        if (depth > 0) {
            checkSubnet(subnet);
            return depth(depth, subnet);
        }
        if (config.excludedIPs() != null && !config.excludedIPs().isEmpty()) {
            return excluding(IpChecker.of(config.excludedIPs()));
        }
        checkSubnet(subnet);
        return remoteAddress(subnet);
    }

    /** Traefik's {@code RemoteAddrStrategy}: the peer address, reduced to its IPv6 subnet when one is given. */
    static ClientIpStrategy remoteAddress(Integer ipv6Subnet) {
        return request -> {
            String ip = request instanceof Exchange exchange ? exchange.clientIp() : null;
            if (ip == null) {
                InetAddress address = request.clientAddress();
                if (address == null) {
                    return "";
                }
                ip = ForwardedHeaders.clientIp(address);
            }
            return ipv6Subnet == null ? ip : Ipv6Subnet.apply(ip, ipv6Subnet);
        };
    }

    /** Traefik's {@code DepthStrategy}: the depth-th X-Forwarded-For entry from the right, "" when too few. */
    static ClientIpStrategy depth(int depth, Integer ipv6Subnet) {
        return request -> {
            String xff = request.header(HEADER_X_FORWARDED_FOR);
            String[] entries = (xff == null ? "" : xff).split(",", -1);
            if (entries.length < depth) {
                return "";
            }
            String ip = entries[entries.length - depth].strip();
            return ipv6Subnet == null ? ip : Ipv6Subnet.apply(ip, ipv6Subnet);
        };
    }

    /** Traefik's {@code PoolStrategy}: the right-most non-empty X-Forwarded-For entry not in {@code excluded}. */
    static ClientIpStrategy excluding(IpChecker excluded) {
        return request -> {
            String xff = request.header(HEADER_X_FORWARDED_FOR);
            String[] entries = (xff == null ? "" : xff).split(",", -1);
            for (int i = entries.length - 1; i >= 0; i--) {
                String entry = entries[i].strip();
                if (entry.isEmpty()) {
                    continue;
                }
                boolean contained;
                try {
                    contained = excluded.contains(entry);
                } catch (IllegalArgumentException e) {
                    contained = false; // Go ignores the parse error: an unparsable entry is "not excluded"
                }
                if (!contained) {
                    return entry;
                }
            }
            return "";
        };
    }

    private static void checkSubnet(Integer subnet) {
        if (subnet != null && (subnet <= 0 || subnet > 128)) {
            throw new IllegalArgumentException("invalid IPv6 subnet " + subnet
                    + " value, should be greater to 0 and lower or equal to 128");
        }
    }
}
