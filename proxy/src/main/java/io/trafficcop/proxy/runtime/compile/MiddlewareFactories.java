package io.trafficcop.proxy.runtime.compile;

import io.trafficcop.proxy.config.dynamic.AddPrefix;
import io.trafficcop.proxy.config.dynamic.BasicAuth;
import io.trafficcop.proxy.config.dynamic.ContentType;
import io.trafficcop.proxy.config.dynamic.DigestAuth;
import io.trafficcop.proxy.config.dynamic.Headers;
import io.trafficcop.proxy.config.dynamic.InFlightReq;
import io.trafficcop.proxy.config.dynamic.IpAllowList;
import io.trafficcop.proxy.config.dynamic.IpDenyList;
import io.trafficcop.proxy.config.dynamic.IpWhiteList;
import io.trafficcop.proxy.config.dynamic.Jwt;
import io.trafficcop.proxy.config.dynamic.RateLimit;
import io.trafficcop.proxy.config.dynamic.RedirectRegex;
import io.trafficcop.proxy.config.dynamic.RedirectScheme;
import io.trafficcop.proxy.config.dynamic.ReplacePath;
import io.trafficcop.proxy.config.dynamic.ReplacePathRegex;
import io.trafficcop.proxy.config.dynamic.StripPrefix;
import io.trafficcop.proxy.config.dynamic.StripPrefixRegex;
import io.trafficcop.proxy.middleware.addprefix.AddPrefixMiddleware;
import io.trafficcop.proxy.middleware.basicauth.BasicAuthMiddleware;
import io.trafficcop.proxy.middleware.contenttype.ContentTypeMiddleware;
import io.trafficcop.proxy.middleware.digestauth.DigestAuthMiddleware;
import io.trafficcop.proxy.middleware.headers.HeadersMiddleware;
import io.trafficcop.proxy.middleware.inflightreq.InFlightReqMiddleware;
import io.trafficcop.proxy.middleware.ipallowlist.IpAllowListMiddleware;
import io.trafficcop.proxy.middleware.ipdenylist.IpDenyListMiddleware;
import io.trafficcop.proxy.middleware.jwt.JwtMiddleware;
import io.trafficcop.proxy.middleware.ratelimit.RateLimitMiddleware;
import io.trafficcop.proxy.middleware.ratelimit.RateLimitRegistry;
import io.trafficcop.proxy.middleware.redirectregex.RedirectRegexMiddleware;
import io.trafficcop.proxy.middleware.redirectscheme.RedirectSchemeMiddleware;
import io.trafficcop.proxy.middleware.replacepath.ReplacePathMiddleware;
import io.trafficcop.proxy.middleware.replacepathregex.ReplacePathRegexMiddleware;
import io.trafficcop.proxy.middleware.stripprefix.StripPrefixMiddleware;
import io.trafficcop.proxy.middleware.stripprefixregex.StripPrefixRegexMiddleware;
import io.trafficcop.proxy.config.dynamic.Buffering;
import io.trafficcop.proxy.config.dynamic.CircuitBreaker;
import io.trafficcop.proxy.config.dynamic.Compress;
import io.trafficcop.proxy.config.dynamic.ErrorPage;
import io.trafficcop.proxy.config.dynamic.ForwardAuth;
import io.trafficcop.proxy.config.dynamic.Retry;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.buffering.BufferingMiddleware;
import io.trafficcop.proxy.middleware.circuitbreaker.CircuitBreakerMiddleware;
import io.trafficcop.proxy.middleware.compress.CompressMiddleware;
import io.trafficcop.proxy.middleware.errorpages.ErrorsMiddleware;
import io.trafficcop.proxy.middleware.forwardauth.ForwardAuthMiddleware;
import io.trafficcop.proxy.middleware.retry.RetryMiddleware;
import java.util.HashMap;
import java.util.function.BiFunction;
import java.util.Map;
import java.util.Set;

/**
 * The middleware types TrafficCop implements, by their key in Traefik's configuration ({@code stripPrefix},
 * {@code headers}, ...). {@code chain} is resolved by {@link MiddlewareCompiler} itself. A type missing here
 * fails to build, so that routers using it are disabled rather than served without it.
 */
final class MiddlewareFactories {

    private MiddlewareFactories() {
    }

    /**
     * @param registries state that outlives snapshots (rate-limit buckets)
     * @param rateLimitsInUse collects the rate limits this snapshot uses, so the registry can drop the others
     * @param services resolves a service reference (as written) of a middleware (qualified name) to its handler,
     *     or null when there is none
     */
    static Map<String, MiddlewareCompiler.Factory> all(RuntimeRegistries registries,
            Set<RateLimitRegistry.Key> rateLimitsInUse, BiFunction<String, String, HttpHandler> services) {
        Map<String, MiddlewareCompiler.Factory> factories = new HashMap<>();
        factories.put("addPrefix", (name, config) -> new AddPrefixMiddleware((AddPrefix) config));
        factories.put("stripPrefix", (name, config) -> new StripPrefixMiddleware((StripPrefix) config, name));
        factories.put("stripPrefixRegex", (name, config) -> new StripPrefixRegexMiddleware((StripPrefixRegex) config));
        factories.put("replacePath", (name, config) -> new ReplacePathMiddleware((ReplacePath) config));
        factories.put("replacePathRegex", (name, config) -> new ReplacePathRegexMiddleware((ReplacePathRegex) config));
        factories.put("redirectScheme", (name, config) -> new RedirectSchemeMiddleware((RedirectScheme) config));
        factories.put("redirectRegex", (name, config) -> new RedirectRegexMiddleware((RedirectRegex) config));
        factories.put("headers", (name, config) -> new HeadersMiddleware((Headers) config));
        factories.put("contentType", (name, config) -> {
            ContentTypeMiddleware middleware = new ContentTypeMiddleware((ContentType) config, name);
            return middleware.enabled() ? middleware : next -> next;
        });
        factories.put("basicAuth", (name, config) -> new BasicAuthMiddleware((BasicAuth) config));
        factories.put("digestAuth", (name, config) -> new DigestAuthMiddleware((DigestAuth) config));
        factories.put("ipAllowList", (name, config) -> new IpAllowListMiddleware((IpAllowList) config));
        factories.put("ipWhiteList", (name, config) -> IpAllowListMiddleware.whiteList((IpWhiteList) config));
        factories.put("ipDenyList", (name, config) -> new IpDenyListMiddleware((IpDenyList) config));
        factories.put("inFlightReq", (name, config) -> new InFlightReqMiddleware((InFlightReq) config));
        factories.put("jwt", (name, config) -> new JwtMiddleware((Jwt) config));
        factories.put("rateLimit", (name, config) -> {
            rateLimitsInUse.add(new RateLimitRegistry.Key(name, (RateLimit) config));
            return new RateLimitMiddleware(name, (RateLimit) config, registries.rateLimits());
        });
        factories.put("forwardAuth", (name, config) -> ForwardAuthMiddleware.create(name, (ForwardAuth) config));
        factories.put("retry", (name, config) -> RetryMiddleware.create(name, (Retry) config));
        factories.put("compress", (name, config) -> CompressMiddleware.create(name, (Compress) config));
        factories.put("buffering", (name, config) -> BufferingMiddleware.create(name, (Buffering) config));
        factories.put("circuitBreaker", (name, config) -> CircuitBreakerMiddleware.create(name, (CircuitBreaker) config));
        // the error page service is named relative to the middleware's provider
        factories.put("errors", (name, config) -> ErrorsMiddleware.create(name, (ErrorPage) config,
                service -> services.apply(service, name)));
        return factories;
    }
}
