package io.trafficcop.proxy.tls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What TLS termination needs from one HTTP router with {@code tls} on an entry point: the hosts of its rule (Traefik's
 * {@code ParseDomains} of the {@code Host(...)} matchers) and its {@code tls.options} (qualified name; null or empty
 * means {@code default}).
 */
public record TlsRouterHosts(String router, List<String> hosts, String options) {

    public TlsRouterHosts {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        options = options == null || options.isEmpty() ? ServerTlsOptions.DEFAULT_NAME : options;
    }

    /**
     * Host → options name. A host claimed by routers with different options gets {@code default} (Traefik marks
     * those routers with "router's TLSOptions configuration is conflicting with other routers on the same entrypoint
     * and host, default TLS options will be used instead").
     */
    public static Map<String, String> resolve(List<TlsRouterHosts> routers) {
        Map<String, String> byHost = new LinkedHashMap<>();
        Map<String, Boolean> conflict = new HashMap<>();
        for (TlsRouterHosts r : routers) {
            for (String host : r.hosts()) {
                String h = host.toLowerCase(Locale.ROOT);
                String previous = byHost.putIfAbsent(h, r.options());
                if (previous != null && !previous.equals(r.options())) {
                    conflict.put(h, true);
                }
            }
        }
        for (String h : conflict.keySet()) {
            byHost.put(h, ServerTlsOptions.DEFAULT_NAME);
        }
        return byHost;
    }

    /** The routers whose options were overridden by a conflict (for the router error Traefik records). */
    public static List<String> conflicting(List<TlsRouterHosts> routers) {
        Map<String, String> resolved = resolve(routers);
        List<String> out = new ArrayList<>();
        for (TlsRouterHosts r : routers) {
            for (String host : r.hosts()) {
                if (!resolved.get(host.toLowerCase(Locale.ROOT)).equals(r.options())) {
                    out.add(r.router());
                    break;
                }
            }
        }
        return out;
    }
}
