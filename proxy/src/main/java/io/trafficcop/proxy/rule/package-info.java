/**
 * Traefik v3's HTTP router rules ({@code http.routers.<name>.rule}, {@code ruleSyntax}, {@code priority}).
 *
 * <p>{@link io.trafficcop.proxy.rule.HttpRuleParser} compiles a rule, written in the v3 or the deprecated v2
 * syntax ({@link io.trafficcop.proxy.rule.RuleSyntax}), into an immutable
 * {@link io.trafficcop.proxy.rule.HttpMatcher} tree, accepting and rejecting exactly what Traefik does
 * (rules are Go expressions, regexps are RE2 through RE2/J) and reporting Traefik's error messages.
 * {@link io.trafficcop.proxy.rule.HttpRouteTable} orders the routers of an entry point as Traefik's muxer
 * does and indexes host-bound routers so that matching does not scan thousands of routers.
 * The data plane implements {@link io.trafficcop.proxy.rule.RoutingRequest}.
 *
 * <p>Known differences from Traefik, all outside what a valid configuration can observe:
 * <ul>
 *   <li>CNAME flattening ({@code hostResolver}) is not supported: Host/HostRegexp see the request host only.</li>
 *   <li>Go expressions that Go's parser accepts but predicate then rejects (composite literals, func literals)
 *       are rejected with a syntax error instead of predicate's "X is not supported"; a syntax error reports
 *       the first error only (Go may append "(and N more errors)").</li>
 *   <li>Header names are case-insensitive ({@code RoutingRequest.headers}); Go only ever sees canonical names
 *       from the wire, so this matches real traffic.</li>
 *   <li>Invalid UTF-8 produced by percent-decoding (paths, queries) or by {@code \x} escapes in rules is
 *       decoded with replacement characters where Go keeps raw bytes.</li>
 * </ul>
 */
package io.trafficcop.proxy.rule;
