package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Traefik's {@code http.middlewares.<name>} ({@code dynamic.Middleware}).
 *
 * Exactly one middleware type is expected to be set; the others stay {@code null}.
 *
 * <ul>
 *   <li>{@code plugin}: plugin name to its free-form configuration</li>
 * </ul>
 */
public record Middleware(
        @NotImplemented("middleware not implemented yet") AddPrefix addPrefix,
        @NotImplemented("middleware not implemented yet") StripPrefix stripPrefix,
        @NotImplemented("middleware not implemented yet") StripPrefixRegex stripPrefixRegex,
        @NotImplemented("middleware not implemented yet") ReplacePath replacePath,
        @NotImplemented("middleware not implemented yet") ReplacePathRegex replacePathRegex,
        @NotImplemented("middleware not implemented yet") Chain chain,
        @NotImplemented("middleware not implemented yet") IpWhiteList ipWhiteList,
        @NotImplemented("middleware not implemented yet") IpAllowList ipAllowList,
        @NotImplemented("middleware not implemented yet") Headers headers,
        @NotImplemented("middleware not implemented yet") EncodedCharacters encodedCharacters,
        @NotImplemented("middleware not implemented yet") ErrorPage errors,
        @NotImplemented("middleware not implemented yet") RateLimit rateLimit,
        @NotImplemented("middleware not implemented yet") RedirectRegex redirectRegex,
        @NotImplemented("middleware not implemented yet") RedirectScheme redirectScheme,
        @NotImplemented("middleware not implemented yet") BasicAuth basicAuth,
        @NotImplemented("middleware not implemented yet") DigestAuth digestAuth,
        @NotImplemented("middleware not implemented yet") ForwardAuth forwardAuth,
        @NotImplemented("middleware not implemented yet") InFlightReq inFlightReq,
        @NotImplemented("middleware not implemented yet") Buffering buffering,
        @NotImplemented("middleware not implemented yet") CircuitBreaker circuitBreaker,
        @NotImplemented("middleware not implemented yet") Compress compress,
        @NotImplemented("middleware not implemented yet") PassTlsClientCert passTLSClientCert,
        @NotImplemented("middleware not implemented yet") Retry retry,
        @NotImplemented("middleware not implemented yet") ContentType contentType,
        @NotImplemented("middleware not implemented yet") GrpcWeb grpcWeb,
        @NotImplemented("plugins not implemented yet") Map<String, Map<String, Object>> plugin) {

    public Middleware {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        plugin = plugin == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(plugin));
    }
}
