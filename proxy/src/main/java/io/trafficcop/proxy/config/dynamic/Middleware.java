package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Traefik's {@code http.middlewares.<name>} ({@code dynamic.Middleware}).
 *
 * <p>Exactly one middleware type is expected to be set; the others stay {@code null}.
 *
 * <ul>
 *   <li>{@code plugin}: plugin name to its free-form configuration</li>
 *   <li>{@code ipDenyList}, {@code jwt}: TrafficCop extensions (not in Traefik)</li>
 * </ul>
 */
public record Middleware(
        AddPrefix addPrefix,
        StripPrefix stripPrefix,
        StripPrefixRegex stripPrefixRegex,
        ReplacePath replacePath,
        ReplacePathRegex replacePathRegex,
        Chain chain,
        IpWhiteList ipWhiteList,
        IpAllowList ipAllowList,
        IpDenyList ipDenyList,
        Headers headers,
        @NotImplemented("encodedCharacters middleware not implemented yet") EncodedCharacters encodedCharacters,
        @NotImplemented("errors middleware not implemented yet") ErrorPage errors,
        RateLimit rateLimit,
        RedirectRegex redirectRegex,
        RedirectScheme redirectScheme,
        BasicAuth basicAuth,
        DigestAuth digestAuth,
        Jwt jwt,
        @NotImplemented("forwardAuth middleware not implemented yet") ForwardAuth forwardAuth,
        InFlightReq inFlightReq,
        @NotImplemented("buffering middleware not implemented yet") Buffering buffering,
        @NotImplemented("circuitBreaker middleware not implemented yet") CircuitBreaker circuitBreaker,
        @NotImplemented("compress middleware not implemented yet") Compress compress,
        @NotImplemented("passTLSClientCert middleware not implemented yet") PassTlsClientCert passTLSClientCert,
        @NotImplemented("retry middleware not implemented yet") Retry retry,
        ContentType contentType,
        @NotImplemented("grpcWeb middleware not implemented yet") GrpcWeb grpcWeb,
        @NotImplemented("plugins not implemented yet") Map<String, Map<String, Object>> plugin) {

    public Middleware {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        plugin = plugin == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(plugin));
    }
}
