package io.trafficcop.proxy.service.loadbalancer.hrw;

import io.netty.util.NetUtil;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.service.loadbalancer.HealthAwareSelector;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Traefik's highest random weight (rendezvous hashing) by client IP — {@code loadBalancer.strategy: hrw} and the
 * {@code highestRandomWeight} service (pkg/server/service/loadbalancer/hrw): each available member scores
 * {@code weight / -ln(fnv64a(clientIP + name) / 2^64)} and the highest score wins, so a client sticks to a member
 * while the set of members is stable, and only the clients of a removed member move. The client IP is the peer
 * address formatted as Go does (IPv6 compressed), so a fleet mixing Traefik and TrafficCop maps clients alike.
 *
 * @param <T> the selected item (a server, or a child service)
 */
public final class HighestRandomWeight<T> extends HealthAwareSelector<T> {

    private static final long FNV64_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV64_PRIME = 0x100000001b3L;
    private static final double TWO_POW_64 = 18446744073709551616.0;

    @Override
    public T next(Exchange exchange) {
        String ip = exchange.clientIp();
        return select(ip != null ? ip : clientIp(exchange.remoteAddress()));
    }

    /** The member for {@code key} (Traefik's nextServer(key)), or null when none is available. */
    public T select(String key) {
        List<Member<T>> healthy = selectable();
        Member<T> best = null;
        double bestScore = 0.0;
        for (int i = 0; i < healthy.size(); i++) {
            Member<T> m = healthy.get(i);
            double s = score(key, m.name(), m.weight());
            if (s > bestScore) {
                best = m;
                bestScore = s;
            }
        }
        return best == null ? null : best.item();
    }

    /** Traefik's getNodeScore. */
    public static double score(String key, String name, double weight) {
        long h = FNV64_OFFSET;
        h = fnv1a(h, key);
        h = fnv1a(h, name);
        double score = unsignedToDouble(h) / TWO_POW_64;
        double logScore = 1.0 / -StrictMath.log(score);
        return logScore * weight;
    }

    private static long fnv1a(long h, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            h ^= (b & 0xff);
            h *= FNV64_PRIME;
        }
        return h;
    }

    /** Go's float64(uint64): round to nearest. */
    static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        return ((double) ((v >>> 1) | (v & 1))) * 2.0;
    }

    /** Traefik's RemoteAddrStrategy: the peer's IP as Go prints it. */
    public static String clientIp(InetSocketAddress address) {
        if (address == null) {
            return "";
        }
        if (address.getAddress() == null) {
            return address.getHostString();
        }
        return NetUtil.toAddressString(address.getAddress());
    }
}
