package io.trafficcop.proxy.rule;

import com.google.re2j.Pattern;
import java.util.List;

/** The compiled matcher nodes. Each is immutable; matching allocates nothing beyond what the request views do. */
final class Matchers {
    private Matchers() {
    }

    /** A matcher that only matches requests whose canonical host is one of {@link #hostKeys()} (for the host index). */
    interface HostBound extends HttpMatcher {
        /** Lower-cased index keys; a matching request's host (or the host without one trailing dot) is among them. */
        List<String> hostKeys();
    }

    record And(HttpMatcher left, HttpMatcher right) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            return left.matches(request) && right.matches(request);
        }
    }

    record Or(HttpMatcher left, HttpMatcher right) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            return left.matches(request) || right.matches(request);
        }
    }

    record Not(HttpMatcher inner) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            return !inner.matches(request);
        }
    }

    enum Always implements HttpMatcher {
        INSTANCE;

        @Override
        public boolean matches(RoutingRequest request) {
            return true;
        }
    }

    // ---- v3 ----

    /** v3 Host(`a.example.com`) and Host(`*.example.com`): case-insensitive, trailing dots tolerated on either side. */
    record V3Host(String hostExpr, List<String> hostKeys) implements HostBound {
        /** Literal hosts are indexed under their names; wildcards under "*.suffix" (see {@link #wildcardKey}). */
        static V3Host of(String lowerExpr) {
            return new V3Host(lowerExpr, keys(lowerExpr));
        }

        @Override
        public boolean matches(RoutingRequest request) {
            String reqHost = request.canonicalHost();
            if (reqHost.isEmpty()) {
                return false;
            }
            if (domainMatch(reqHost, hostExpr)) {
                return true;
            }
            int last = hostExpr.length() - 1;
            if (last >= 0 && hostExpr.charAt(last) == '.' && domainMatch(reqHost, hostExpr.substring(0, last))) {
                return true;
            }
            int reqLast = reqHost.length() - 1;
            return reqHost.charAt(reqLast) == '.' && domainMatch(reqHost.substring(0, reqLast), hostExpr);
        }

        /**
         * Traefik's muxer.DomainMatchHostExpression: a leading '*' stands for the domain's first label (the
         * domain with its first label replaced by '*' must equal the expression), without allocating.
         */
        static boolean domainMatch(String domain, String hostExpr) {
            if (hostExpr.startsWith("*")) {
                int dot = domain.indexOf('.');
                if (dot < 0) {
                    return hostExpr.length() == 1;
                }
                return HostNames.equalFold(domain, dot, hostExpr, 1, domain.length() - dot)
                        && hostExpr.length() - 1 == domain.length() - dot;
            }
            return HostNames.equalFold(domain, hostExpr);
        }

        /** The index key a wildcard expression matching this (lower-case, ASCII) host would have: "*" + the host from its first dot. */
        static String wildcardKey(String host) {
            int dot = host.indexOf('.');
            return dot < 0 ? "*" : "*" + host.substring(dot);
        }
    }

    static List<String> keys(String lowerHost) {
        if (lowerHost.endsWith(".")) {
            return List.of(lowerHost, lowerHost.substring(0, lowerHost.length() - 1));
        }
        return List.of(lowerHost);
    }

    /** v3 HostRegexp: unanchored Go regexp against the canonical (lower-cased, port-less) host. */
    record V3HostRegexp(Pattern regexp) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            return regexp.matcher(request.canonicalHost()).find();
        }
    }

    record Method(String method) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            return method.equals(request.method());
        }
    }

    record PathExact(String path) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            return path.equals(request.routingPath());
        }
    }

    record PathPrefix(String prefix) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            String p = request.routingPath();
            return p != null && p.startsWith(prefix);
        }
    }

    /** Unanchored (find) regexp on the routing path: v3 PathRegexp, and v2 Path/PathPrefix templates (anchored by the template). */
    record PathRegexp(Pattern regexp) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            String p = request.routingPath();
            return p != null && regexp.matcher(p).find();
        }
    }

    record Header(String name, String value) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            List<String> values = request.headers(name);
            for (int i = 0, n = values.size(); i < n; i++) {
                if (value.equals(values.get(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Header present (v2 Headers with an empty value would be this, but Traefik rejects empty values first). */
    record HeaderRegexp(String name, Pattern regexp) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            List<String> values = request.headers(name);
            for (int i = 0, n = values.size(); i < n; i++) {
                if (regexp.matcher(values.get(i)).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** v3 Query(key[, value]): one of the key's decoded values equals value ("" when omitted). */
    record Query(String key, String value) implements HttpMatcher, QueryString.ValueVisitor {
        @Override
        public boolean matches(RoutingRequest request) {
            return QueryString.anyValue(request.rawQuery(), key, this);
        }

        @Override
        public boolean visit(String v) {
            return value.equals(v);
        }
    }

    /** v3 QueryRegexp(key, regexp): one of the key's decoded values matches (unanchored). */
    record QueryRegexp(String key, Pattern regexp) implements HttpMatcher, QueryString.ValueVisitor {
        @Override
        public boolean matches(RoutingRequest request) {
            return QueryString.anyValue(request.rawQuery(), key, this);
        }

        @Override
        public boolean visit(String v) {
            return regexp.matcher(v).find();
        }
    }

    record ClientIp(IpChecker checker) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            return checker.contains(request.clientAddress());
        }
    }

    // ---- v2 ----

    /** v2 Host/HostHeader(a, b, ...): exact (lower-cased) names, trailing dot tolerated, no wildcard. */
    record V2Host(String[] hosts, List<String> hostKeys) implements HostBound {
        @Override
        public boolean matches(RoutingRequest request) {
            String reqHost = request.canonicalHost();
            if (reqHost.isEmpty()) {
                return false;
            }
            int reqLast = reqHost.length() - 1;
            boolean reqDot = reqHost.charAt(reqLast) == '.';
            for (String host : hosts) {
                if (reqHost.equals(host)) {
                    return true;
                }
                int last = host.length() - 1;
                if (last >= 0 && host.charAt(last) == '.' && reqHost.regionMatches(0, host, 0, last) && reqHost.length() == last) {
                    return true;
                }
                if (reqDot && reqLast == host.length() && reqHost.startsWith(host)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** v2 HostRegexp(tpl, ...): any template matches the Host header with its port removed (case-insensitive). */
    record V2HostRegexp(Pattern[] templates) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            String host = HostNames.muxHost(request.host());
            for (Pattern p : templates) {
                if (p.matcher(host).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** v2 Path/PathPrefix with several templates: any matches. */
    record AnyPath(Pattern[] templates) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            String p = request.routingPath();
            if (p == null) {
                return false;
            }
            for (Pattern t : templates) {
                if (t.matcher(p).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    record Methods(String[] methods) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            String m = request.method();
            for (String method : methods) {
                if (method.equals(m)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** v2 Headers(k, v, ...): every key present, with the value among its values (empty value: presence only). */
    record V2Headers(String[] names, String[] values) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            for (int i = 0; i < names.length; i++) {
                List<String> actual = request.headers(names[i]);
                if (actual.isEmpty()) {
                    return false;
                }
                if (!values[i].isEmpty() && !actual.contains(values[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    record V2HeadersRegexp(String[] names, Pattern[] regexps) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            for (int i = 0; i < names.length; i++) {
                List<String> actual = request.headers(names[i]);
                if (actual.isEmpty()) {
                    return false;
                }
                boolean any = false;
                for (int j = 0, n = actual.size(); j < n; j++) {
                    if (regexps[i].matcher(actual.get(j)).find()) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * v2 Query(`k=v`, ...): every template matches "key=" + the key's first decoded value (or "" when the key
     * is absent), as gorilla/mux's getURLQuery does.
     */
    record V2Query(String[] keys, Pattern[] templates) implements HttpMatcher {
        @Override
        public boolean matches(RoutingRequest request) {
            String rawQuery = request.rawQuery();
            for (int i = 0; i < keys.length; i++) {
                String first = QueryString.firstValue(rawQuery, keys[i]);
                String subject = first == null ? "" : keys[i] + "=" + first;
                if (!templates[i].matcher(subject).find()) {
                    return false;
                }
            }
            return true;
        }
    }
}
