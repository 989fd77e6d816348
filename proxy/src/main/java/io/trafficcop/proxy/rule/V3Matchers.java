package io.trafficcop.proxy.rule;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Traefik v3 matchers ({@code httpFuncs} in pkg/muxer/http/matcher.go): ClientIP, Method, Host, HostRegexp,
 * Path, PathRegexp, PathPrefix (one argument each), Header, HeaderRegexp (two), Query, QueryRegexp (one or
 * two). Regexps are Go's (RE2), unanchored: write {@code ^...$} to anchor.
 */
final class V3Matchers {
    private V3Matchers() {
    }

    static final Map<String, MatcherFactory> FACTORIES = Map.ofEntries(
            Map.entry("ClientIP", expect(V3Matchers::clientIp, 1)),
            Map.entry("Method", expect(args -> new Matchers.Method(args.get(0).toUpperCase(Locale.ROOT)), 1)),
            Map.entry("Host", expect(V3Matchers::host, 1)),
            Map.entry("HostRegexp", expect(V3Matchers::hostRegexp, 1)),
            Map.entry("Path", expect(args -> new Matchers.PathExact(slashPath(args.get(0))), 1)),
            Map.entry("PathRegexp", expect(args -> new Matchers.PathRegexp(
                    compile("compiling PathPrefix matcher: ", args.get(0))), 1)),
            Map.entry("PathPrefix", expect(args -> new Matchers.PathPrefix(slashPath(args.get(0))), 1)),
            Map.entry("Header", expect(args -> new Matchers.Header(args.get(0), args.get(1)), 2)),
            Map.entry("HeaderRegexp", expect(args -> new Matchers.HeaderRegexp(args.get(0),
                    compile("compiling HeaderRegexp matcher: ", args.get(1))), 2)),
            Map.entry("Query", expect(V3Matchers::query, 1, 2)),
            Map.entry("QueryRegexp", expect(args -> args.size() == 1 ? query(args)
                    : new Matchers.QueryRegexp(args.get(0), compile("compiling QueryRegexp matcher: ", args.get(1))), 1, 2)));

    private static MatcherFactory expect(MatcherFactory factory, int... counts) {
        return args -> {
            for (int c : counts) {
                if (c == args.size()) {
                    return factory.build(args);
                }
            }
            StringBuilder expected = new StringBuilder("[");
            for (int i = 0; i < counts.length; i++) {
                expected.append(i == 0 ? "" : " ").append(counts[i]);
            }
            throw new MatcherBuildException("unexpected number of parameters; got " + args.size()
                    + ", expected one of " + expected.append(']'));
        };
    }

    private static HttpMatcher clientIp(List<String> args) throws MatcherBuildException {
        try {
            return new Matchers.ClientIp(IpChecker.of(args));
        } catch (IllegalArgumentException e) {
            throw new MatcherBuildException("initializing IP checker for ClientIP matcher: " + e.getMessage());
        }
    }

    private static HttpMatcher host(List<String> args) throws MatcherBuildException {
        String expr = args.get(0);
        if (expr.equals("*")) {
            // Traefik: on the TCP side * matches every serverName, so Host(`*`) matches every request.
            return Matchers.Always.INSTANCE;
        }
        if (!HostNames.isAscii(expr)) {
            throw new MatcherBuildException("invalid value " + GoStrings.quote(expr)
                    + " for Host matcher, non-ASCII characters are not allowed");
        }
        return Matchers.V3Host.of(expr.toLowerCase(Locale.ROOT));
    }

    private static HttpMatcher hostRegexp(List<String> args) throws MatcherBuildException {
        String expr = args.get(0);
        if (!HostNames.isAscii(expr)) {
            throw new MatcherBuildException("invalid value " + GoStrings.quote(expr)
                    + " for HostRegexp matcher, non-ASCII characters are not allowed");
        }
        return new Matchers.V3HostRegexp(compile("compiling HostRegexp matcher: ", expr));
    }

    private static String slashPath(String path) throws MatcherBuildException {
        if (!path.startsWith("/")) {
            throw new MatcherBuildException("path " + GoStrings.quote(path) + " does not start with a '/'");
        }
        return path;
    }

    private static HttpMatcher query(List<String> args) {
        return new Matchers.Query(args.get(0), args.size() == 2 ? args.get(1) : "");
    }

    private static com.google.re2j.Pattern compile(String prefix, String expr) throws MatcherBuildException {
        try {
            return GoRegexp.compile(expr);
        } catch (MatcherBuildException e) {
            throw new MatcherBuildException(prefix + e.getMessage());
        }
    }
}
