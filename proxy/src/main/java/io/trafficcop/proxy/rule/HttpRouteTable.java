package io.trafficcop.proxy.rule;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP routers of one entry point, compiled and ordered as Traefik's muxer orders them
 * (pkg/muxer/http/mux.go): the first router in this order whose rule matches gets the request.
 *
 * <h2>Order</h2>
 * <ol>
 *   <li>Higher {@code priority} first. A priority of 0 (unset) means the rule's length in bytes
 *       ({@link #defaultPriority(String)}), as Traefik's router manager does; negative priorities are kept
 *       as given (they sort after every default).</li>
 *   <li>On equal priority, the router whose provider ranks higher in {@code providers.precedence} wins
 *       (Traefik's {@code providerPriority}: the provider of {@code name@provider}; providers not listed rank
 *       lowest, equal among themselves).</li>
 *   <li>Traefik leaves remaining ties unspecified (routers come from a Go map and are sorted with an unstable
 *       sort); here they are broken by router name, ascending, then by insertion order, so a configuration
 *       always routes the same way.</li>
 * </ol>
 *
 * <h2>Host index</h2>
 * Routers whose rule can only match a set of hosts (a top-level {@code Host(`a.example.com`)} or
 * {@code Host(`*.example.com`)} in an AND, or an OR of such) are indexed by those lower-cased host names (a
 * wildcard under {@code *.example.com}); the others stay in a fallback list. A lookup
 * merges the request host's bucket with the fallback list in the global order, so the result is exactly the
 * one of a linear scan, while the cost does not grow with the number of host-bound routers.
 *
 * @param <T> what a router routes to (the data plane's handler)
 */
public final class HttpRouteTable<T> {

    private static final int[] NONE = new int[0];

    /** Traefik's default {@code providers.precedence} (providerNames in pkg/config/static/static_config.go). */
    public static final List<String> DEFAULT_PROVIDERS_PRECEDENCE = List.of("kubernetesgateway", "kubernetescrd",
            "kubernetes", "kubernetesingressnginx", "swarm", "docker", "file", "redis", "knative", "consul",
            "consulcatalog", "nomad", "etcd", "ecs", "http", "zookeeper", "rest");

    private final Route<T>[] routes;           // global order
    private final int[] fallback;              // positions of routes without host keys, ascending
    private final Map<String, int[]> byHost;   // host key -> positions, ascending
    private final boolean indexed;
    private final boolean hasWildcards;

    private HttpRouteTable(Route<T>[] routes, int[] fallback, Map<String, int[]> byHost) {
        this.routes = routes;
        this.fallback = fallback;
        this.byHost = byHost;
        this.indexed = !byHost.isEmpty();
        boolean wildcards = false;
        for (String key : byHost.keySet()) {
            wildcards |= key.startsWith("*");
        }
        this.hasWildcards = wildcards;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** Traefik's default router priority (GetRulePriority): the rule's length in bytes (UTF-8, as Go's len). */
    public static int defaultPriority(String rule) {
        if (rule == null) {
            return 0;
        }
        for (int i = 0; i < rule.length(); i++) {
            if (rule.charAt(i) > 0x7f) {
                return rule.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return rule.length();
    }

    /** The highest-priority matching target, or null. */
    public T match(RoutingRequest request) {
        Route<T> route = matchRoute(request);
        return route == null ? null : route.target;
    }

    /** The name of the router {@link #match} would pick, or null (for logs and tests). */
    public String matchRouterName(RoutingRequest request) {
        Route<T> route = matchRoute(request);
        return route == null ? null : route.name;
    }

    private Route<T> matchRoute(RoutingRequest request) {
        if (!indexed) {
            return scan(request);
        }
        String host = request.canonicalHost();
        if (!HostNames.isAscii(host)) {
            // Non-ASCII hosts can still fold onto ASCII host names (Go's EqualFold); keep it exact.
            return scan(request);
        }
        // Candidate buckets: the host, the host without its trailing dot, and the wildcard keys of both.
        int last = host.length() - 1;
        String undotted = last >= 0 && host.charAt(last) == '.' ? host.substring(0, last) : null;
        int[] a = byHost.getOrDefault(host, NONE);
        int[] b = undotted == null ? NONE : byHost.getOrDefault(undotted, NONE);
        int[] c = NONE;
        int[] d = NONE;
        if (hasWildcards) {
            c = byHost.getOrDefault(Matchers.V3Host.wildcardKey(host), NONE);
            if (undotted != null) {
                d = byHost.getOrDefault(Matchers.V3Host.wildcardKey(undotted), NONE);
            }
        }
        int[] f = fallback;
        int ia = 0;
        int ib = 0;
        int ic = 0;
        int id = 0;
        int jf = 0;
        while (true) {
            int next = Integer.MAX_VALUE;
            if (ia < a.length) {
                next = a[ia];
            }
            if (ib < b.length && b[ib] < next) {
                next = b[ib];
            }
            if (ic < c.length && c[ic] < next) {
                next = c[ic];
            }
            if (id < d.length && d[id] < next) {
                next = d[id];
            }
            if (jf < f.length && f[jf] < next) {
                next = f[jf];
            }
            if (next == Integer.MAX_VALUE) {
                return null;
            }
            // advance every cursor sitting on this position (a router may be in several buckets)
            if (ia < a.length && a[ia] == next) {
                ia++;
            }
            if (ib < b.length && b[ib] == next) {
                ib++;
            }
            if (ic < c.length && c[ic] == next) {
                ic++;
            }
            if (id < d.length && d[id] == next) {
                id++;
            }
            if (jf < f.length && f[jf] == next) {
                jf++;
            }
            Route<T> route = routes[next];
            if (route.matcher.matches(request)) {
                return route;
            }
        }
    }

    /** Linear scan in priority order (also the reference the host index is tested against). */
    Route<T> scan(RoutingRequest request) {
        for (Route<T> route : routes) {
            if (route.matcher.matches(request)) {
                return route;
            }
        }
        return null;
    }

    /** Number of routers. */
    public int size() {
        return routes.length;
    }

    /** Router names in matching order. */
    public List<String> routerNames() {
        List<String> names = new ArrayList<>(routes.length);
        for (Route<T> r : routes) {
            names.add(r.name);
        }
        return names;
    }

    /** Number of routers in the fallback list (not host-indexed). */
    int fallbackSize() {
        return fallback.length;
    }

    record Route<T>(String name, HttpMatcher matcher, List<String> hostKeys, int priority, int providerPriority,
            int sequence, T target) {
    }

    public static final class Builder<T> {
        private final List<Route<T>> routes = new ArrayList<>();
        private List<String> providersPrecedence = DEFAULT_PROVIDERS_PRECEDENCE;

        private Builder() {
        }

        /**
         * Traefik's {@code providers.precedence} (static configuration; defaults to
         * {@link #DEFAULT_PROVIDERS_PRECEDENCE}): on equal priority, a router of a provider listed earlier wins.
         * Names are compared lower-cased, as Traefik lower-cases the list. Applies to all routers at {@link #build()}.
         */
        public Builder<T> providersPrecedence(List<String> precedence) {
            List<String> lower = new ArrayList<>(precedence.size());
            for (String name : precedence) {
                lower.add(name.toLowerCase(java.util.Locale.ROOT));
            }
            this.providersPrecedence = List.copyOf(lower);
            return this;
        }

        /**
         * Adds a router. {@code priority} 0 means "unset": the rule's length is used, as Traefik does.
         *
         * @throws RuleException with Traefik's message ("error while parsing rule ...: ...") if the rule is invalid
         */
        public Builder<T> add(String routerName, String rule, RuleSyntax syntax, int priority, T target) throws RuleException {
            HttpRuleParser.Compiled compiled;
            try {
                compiled = HttpRuleParser.compile(rule, syntax);
            } catch (RuleException e) {
                throw new RuleException("error while parsing rule " + rule + ": " + e.getMessage());
            }
            int effective = priority == 0 ? defaultPriority(rule) : priority;
            routes.add(new Route<>(routerName, compiled.matcher(), compiled.hostKeys(), effective, 0, routes.size(), target));
            return this;
        }

        public HttpRouteTable<T> build() {
            // Traefik reverses the precedence list and uses the index: first listed = highest, unknown = -1.
            List<String> reversed = new ArrayList<>(providersPrecedence);
            Collections.reverse(reversed);
            List<Route<T>> sorted = new ArrayList<>(routes.size());
            for (Route<T> r : routes) {
                int providerPriority = reversed.indexOf(providerName(r.name()));
                sorted.add(new Route<>(r.name(), r.matcher(), r.hostKeys(), r.priority(), providerPriority, r.sequence(), r.target()));
            }
            sorted.sort(Comparator.<Route<T>>comparingInt(r -> 0)
                    .thenComparing((x, y) -> Integer.compare(y.priority(), x.priority()))
                    .thenComparing((x, y) -> Integer.compare(y.providerPriority(), x.providerPriority()))
                    .thenComparing(r -> r.name() == null ? "" : r.name())
                    .thenComparingInt(Route::sequence));
            @SuppressWarnings("unchecked")
            Route<T>[] array = sorted.toArray(new Route[0]);
            List<Integer> fallback = new ArrayList<>();
            Map<String, List<Integer>> buckets = new HashMap<>();
            for (int i = 0; i < array.length; i++) {
                List<String> keys = array[i].hostKeys();
                if (keys == null) {
                    fallback.add(i);
                } else {
                    for (String key : keys) {
                        List<Integer> bucket = buckets.computeIfAbsent(key, x -> new ArrayList<>());
                        if (bucket.isEmpty() || bucket.get(bucket.size() - 1) != i) {
                            bucket.add(i);
                        }
                    }
                }
            }
            Map<String, int[]> byHost = new HashMap<>(buckets.size() * 2);
            buckets.forEach((key, list) -> byHost.put(key, toArray(list)));
            return new HttpRouteTable<>(array, toArray(fallback), byHost);
        }

        private static int[] toArray(List<Integer> list) {
            int[] out = new int[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = list.get(i);
            }
            return out;
        }

        /** Traefik's providerName: the part after '@' when the name has exactly one '@'. */
        private static String providerName(String routerName) {
            if (routerName == null) {
                return "";
            }
            int at = routerName.indexOf('@');
            if (at < 0 || routerName.indexOf('@', at + 1) >= 0) {
                return "";
            }
            return routerName.substring(at + 1);
        }
    }
}
