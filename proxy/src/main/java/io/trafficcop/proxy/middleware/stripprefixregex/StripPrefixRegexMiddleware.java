package io.trafficcop.proxy.middleware.stripprefixregex;

import com.google.re2j.Matcher;
import io.trafficcop.proxy.config.dynamic.StripPrefixRegex;
import io.trafficcop.proxy.http.HeaderNames;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.RequestTarget;
import io.trafficcop.proxy.middleware.GoRegexp;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.PathRewrites;
import java.util.List;

/**
 * Traefik's {@code http.middlewares.<name>.stripPrefixRegex} ({@code regex}, a list): the first expression whose
 * (non-empty, leftmost) match on the decoded path is a prefix of it has that prefix removed (from the raw path too),
 * recorded in X-Forwarded-Prefix; a stripped path that Go's path cleaning would change is refused with 400.
 */
public final class StripPrefixRegexMiddleware implements Middleware {

    private final GoRegexp[] expressions;

    public StripPrefixRegexMiddleware(StripPrefixRegex config) {
        List<String> regexes = config.regex() == null ? List.of() : config.regex();
        this.expressions = new GoRegexp[regexes.size()];
        for (int i = 0; i < expressions.length; i++) {
            String expr = regexes.get(i) == null ? "" : regexes.get(i).strip();
            expressions[i] = GoRegexp.compile("stripPrefixRegex.regex", expr);
        }
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            if (expressions.length == 0) {
                next.handle(exchange);
                return;
            }
            RequestTarget target = PathRewrites.target(exchange);
            if (target == null) {
                return;
            }
            for (GoRegexp expression : expressions) {
                String path = target.path();
                Matcher m = expression.pattern().matcher(path);
                if (!m.find() || m.end() == m.start()) {
                    continue;
                }
                String prefix = m.group();
                if (!path.startsWith(prefix)) {
                    continue;
                }
                exchange.request().headers().add(HeaderNames.X_FORWARDED_PREFIX, prefix);
                target.path(RequestTarget.ensureLeadingSlash(path.substring(prefix.length())));
                String raw = target.rawPath();
                if (!raw.isEmpty()) {
                    target.rawPath(RequestTarget.ensureLeadingSlash(
                            raw.substring(RequestTarget.encodedPrefixLength(raw, prefix))));
                }
                if (!target.path().isEmpty() && !target.sanitize()) {
                    PathRewrites.badRequest(exchange);
                    return;
                }
                exchange.request().setUri(target.requestUri());
                break;
            }
            next.handle(exchange);
        };
    }
}
