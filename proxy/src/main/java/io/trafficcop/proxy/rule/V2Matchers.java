package io.trafficcop.proxy.rule;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Traefik v2 matchers ({@code ruleSyntax: v2}, {@code httpFuncsV2} in pkg/muxer/http/matcher_v2.go): Host and
 * HostHeader (several names, exact), HostRegexp (gorilla/mux host templates {@code {name:regexp}}), Path and
 * PathPrefix (several templates, any matches), Method (several), Headers and HeadersRegexp (key/value pairs,
 * all must match), Query ({@code key=value} templates, all must match), ClientIP (several IPs/CIDRs).
 */
final class V2Matchers {
    private V2Matchers() {
    }

    static final Map<String, MatcherFactory> FACTORIES = Map.ofEntries(
            Map.entry("Host", V2Matchers::host),
            Map.entry("HostHeader", V2Matchers::host),
            Map.entry("HostRegexp", V2Matchers::hostRegexp),
            Map.entry("ClientIP", V2Matchers::clientIp),
            Map.entry("Path", args -> paths(args, MuxTemplate.Type.PATH)),
            Map.entry("PathPrefix", args -> paths(args, MuxTemplate.Type.PREFIX)),
            Map.entry("Method", V2Matchers::methods),
            Map.entry("Headers", V2Matchers::headers),
            Map.entry("HeadersRegexp", V2Matchers::headersRegexp),
            Map.entry("Query", V2Matchers::query));

    private static HttpMatcher host(List<String> args) throws MatcherBuildException {
        String[] hosts = new String[args.size()];
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < hosts.length; i++) {
            String host = args.get(i);
            if (!HostNames.isAscii(host)) {
                throw new MatcherBuildException("invalid value " + GoStrings.quote(host)
                        + " for \"Host\" matcher, non-ASCII characters are not allowed");
            }
            hosts[i] = host.toLowerCase(Locale.ROOT);
            keys.addAll(Matchers.keys(hosts[i]));
        }
        return new Matchers.V2Host(hosts, List.copyOf(keys));
    }

    private static HttpMatcher hostRegexp(List<String> args) throws MatcherBuildException {
        Pattern[] templates = new Pattern[args.size()];
        for (int i = 0; i < templates.length; i++) {
            String host = args.get(i);
            if (!HostNames.isAscii(host)) {
                throw new MatcherBuildException("invalid value " + GoStrings.quote(host)
                        + " for HostRegexp matcher, non-ASCII characters are not allowed");
            }
            templates[i] = MuxTemplate.compile(host, MuxTemplate.Type.HOST).pattern;
        }
        return new Matchers.V2HostRegexp(templates);
    }

    private static HttpMatcher clientIp(List<String> args) throws MatcherBuildException {
        try {
            return new Matchers.ClientIp(IpChecker.of(args));
        } catch (IllegalArgumentException e) {
            throw new MatcherBuildException("could not initialize IP Checker for \"ClientIP\" matcher: " + e.getMessage());
        }
    }

    private static HttpMatcher paths(List<String> args, MuxTemplate.Type type) throws MatcherBuildException {
        Pattern[] templates = new Pattern[args.size()];
        for (int i = 0; i < templates.length; i++) {
            String tpl = args.get(i);
            if (!tpl.isEmpty() && tpl.charAt(0) != '/') {
                throw new MatcherBuildException("mux: path must start with a slash, got " + GoStrings.quote(tpl));
            }
            templates[i] = MuxTemplate.compile(tpl, type).pattern;
        }
        return new Matchers.AnyPath(templates);
    }

    private static HttpMatcher methods(List<String> args) {
        String[] methods = new String[args.size()];
        for (int i = 0; i < methods.length; i++) {
            methods[i] = args.get(i).toUpperCase(Locale.ROOT);
        }
        return new Matchers.Methods(methods);
    }

    private static Map<String, String> pairs(List<String> args) throws MatcherBuildException {
        if (args.size() % 2 != 0) {
            throw new MatcherBuildException("mux: number of parameters must be multiple of 2, got " + GoStrings.list(args));
        }
        // Go map: a repeated key keeps its last value.
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            map.put(args.get(i), args.get(i + 1));
        }
        return map;
    }

    private static HttpMatcher headers(List<String> args) throws MatcherBuildException {
        Map<String, String> map = pairs(args);
        return new Matchers.V2Headers(map.keySet().toArray(new String[0]), map.values().toArray(new String[0]));
    }

    private static HttpMatcher headersRegexp(List<String> args) throws MatcherBuildException {
        if (args.size() % 2 != 0) {
            throw new MatcherBuildException("mux: number of parameters must be multiple of 2, got " + GoStrings.list(args));
        }
        Map<String, Pattern> map = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            map.put(args.get(i), GoRegexp.compile(args.get(i + 1)));
        }
        return new Matchers.V2HeadersRegexp(map.keySet().toArray(new String[0]), map.values().toArray(new Pattern[0]));
    }

    private static HttpMatcher query(List<String> args) throws MatcherBuildException {
        List<String> pairs = new ArrayList<>();
        for (String elem : args) {
            int eq = elem.indexOf('=');
            if (eq < 0) {
                pairs.add(elem);
            } else {
                pairs.add(elem.substring(0, eq));
                pairs.add(elem.substring(eq + 1));
            }
        }
        if (pairs.size() % 2 != 0) {
            throw new MatcherBuildException("mux: number of parameters must be multiple of 2, got " + GoStrings.list(pairs));
        }
        int n = pairs.size() / 2;
        String[] keys = new String[n];
        Pattern[] templates = new Pattern[n];
        List<List<String>> vars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String template = pairs.get(2 * i) + "=" + pairs.get(2 * i + 1);
            MuxTemplate compiled = MuxTemplate.compile(template, MuxTemplate.Type.QUERY);
            for (List<String> previous : vars) {
                for (String name : compiled.varNames) {
                    if (previous.contains(name)) {
                        throw new MatcherBuildException("mux: duplicated route variable " + GoStrings.quote(name));
                    }
                }
            }
            vars.add(compiled.varNames);
            keys[i] = pairs.get(2 * i);
            templates[i] = compiled.pattern;
        }
        return new Matchers.V2Query(keys, templates);
    }
}
