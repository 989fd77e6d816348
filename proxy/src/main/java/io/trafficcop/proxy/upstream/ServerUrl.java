package io.trafficcop.proxy.upstream;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parts of a backend server URL ({@code loadBalancer.servers[].url}) as {@link URI} reads them, parsed once per
 * distinct URL: the validation and the build of every configuration read each server's URL, and a reload of 10,000
 * services repeats URLs it has parsed before (often one backend address for many services, and the same addresses from
 * one reload to the next). {@code java.net.URI} was 3 % of a reload's configuration thread.
 *
 * @param scheme    the scheme, lower-cased, or null when the URL has none
 * @param host      the host as URI gives it (an IPv6 literal keeps its brackets), or null when none
 * @param port      the port, -1 when none
 * @param authority the host[:port] as written
 * @param rawPath   the path as written, "" when none
 */
public record ServerUrl(String scheme, String host, int port, String authority, String rawPath) {

    /** Bounds the memory of URLs parsed over the process's life: past it, the memory starts again empty. */
    private static final int MAX_REMEMBERED = 50_000;
    private static final ConcurrentHashMap<String, ServerUrl> PARSED = new ConcurrentHashMap<>();

    /** Parses {@code url}, or returns its parts as parsed before. */
    public static ServerUrl parse(String url) throws URISyntaxException {
        ServerUrl known = PARSED.get(url);
        if (known != null) {
            return known;
        }
        URI uri = new URI(url);
        ServerUrl parsed = new ServerUrl(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT),
                uri.getHost(), uri.getPort(), uri.getRawAuthority(), uri.getRawPath() == null ? "" : uri.getRawPath());
        if (PARSED.size() >= MAX_REMEMBERED) {
            PARSED.clear();
        }
        PARSED.put(url, parsed);
        return parsed;
    }
}
