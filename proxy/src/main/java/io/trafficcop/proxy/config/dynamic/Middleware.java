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
        ErrorPage errors,
        RateLimit rateLimit,
        RedirectRegex redirectRegex,
        RedirectScheme redirectScheme,
        BasicAuth basicAuth,
        DigestAuth digestAuth,
        Jwt jwt,
        ForwardAuth forwardAuth,
        InFlightReq inFlightReq,
        Buffering buffering,
        CircuitBreaker circuitBreaker,
        Compress compress,
        @NotImplemented("passTLSClientCert middleware not implemented yet") PassTlsClientCert passTLSClientCert,
        Retry retry,
        ContentType contentType,
        @NotImplemented("grpcWeb middleware not implemented yet") GrpcWeb grpcWeb,
        @NotImplemented("plugins not implemented yet") Map<String, Map<String, Object>> plugin) {

    public Middleware {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        plugin = plugin == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(plugin));
    }
}
