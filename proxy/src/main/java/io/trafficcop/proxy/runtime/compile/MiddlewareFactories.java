package io.trafficcop.proxy.runtime.compile;

import io.trafficcop.proxy.config.dynamic.AddPrefix;
import io.trafficcop.proxy.config.dynamic.ContentType;
import io.trafficcop.proxy.config.dynamic.Headers;
import io.trafficcop.proxy.config.dynamic.RedirectRegex;
import io.trafficcop.proxy.config.dynamic.RedirectScheme;
import io.trafficcop.proxy.config.dynamic.ReplacePath;
import io.trafficcop.proxy.config.dynamic.ReplacePathRegex;
import io.trafficcop.proxy.config.dynamic.StripPrefix;
import io.trafficcop.proxy.config.dynamic.StripPrefixRegex;
import io.trafficcop.proxy.middleware.addprefix.AddPrefixMiddleware;
import io.trafficcop.proxy.middleware.contenttype.ContentTypeMiddleware;
import io.trafficcop.proxy.middleware.headers.HeadersMiddleware;
import io.trafficcop.proxy.middleware.redirectregex.RedirectRegexMiddleware;
import io.trafficcop.proxy.middleware.redirectscheme.RedirectSchemeMiddleware;
import io.trafficcop.proxy.middleware.replacepath.ReplacePathMiddleware;
import io.trafficcop.proxy.middleware.replacepathregex.ReplacePathRegexMiddleware;
import io.trafficcop.proxy.middleware.stripprefix.StripPrefixMiddleware;
import io.trafficcop.proxy.middleware.stripprefixregex.StripPrefixRegexMiddleware;
import java.util.HashMap;
import java.util.Map;

/**
 * The middleware types TrafficCop implements, by their key in Traefik's configuration ({@code stripPrefix},
 * {@code headers}, ...). {@code chain} is resolved by {@link MiddlewareCompiler} itself. A type missing here
 * fails to build, so that routers using it are disabled rather than served without it.
 */
final class MiddlewareFactories {

    private MiddlewareFactories() {
    }

    static Map<String, MiddlewareCompiler.Factory> all() {
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
        return factories;
    }
}
