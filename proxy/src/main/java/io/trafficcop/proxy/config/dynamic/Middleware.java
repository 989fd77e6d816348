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
 * </ul>
 */
public record Middleware(
        @NotImplemented("addPrefix middleware not implemented yet") AddPrefix addPrefix,
        @NotImplemented("stripPrefix middleware not implemented yet") StripPrefix stripPrefix,
        @NotImplemented("stripPrefixRegex middleware not implemented yet") StripPrefixRegex stripPrefixRegex,
        @NotImplemented("replacePath middleware not implemented yet") ReplacePath replacePath,
        @NotImplemented("replacePathRegex middleware not implemented yet") ReplacePathRegex replacePathRegex,
        @NotImplemented("chain middleware not implemented yet") Chain chain,
        @NotImplemented("ipWhiteList middleware not implemented yet") IpWhiteList ipWhiteList,
        @NotImplemented("ipAllowList middleware not implemented yet") IpAllowList ipAllowList,
        @NotImplemented("headers middleware not implemented yet") Headers headers,
        @NotImplemented("encodedCharacters middleware not implemented yet") EncodedCharacters encodedCharacters,
        ErrorPage errors,
        @NotImplemented("rateLimit middleware not implemented yet") RateLimit rateLimit,
        @NotImplemented("redirectRegex middleware not implemented yet") RedirectRegex redirectRegex,
        @NotImplemented("redirectScheme middleware not implemented yet") RedirectScheme redirectScheme,
        @NotImplemented("basicAuth middleware not implemented yet") BasicAuth basicAuth,
        @NotImplemented("digestAuth middleware not implemented yet") DigestAuth digestAuth,
        ForwardAuth forwardAuth,
        @NotImplemented("inFlightReq middleware not implemented yet") InFlightReq inFlightReq,
        Buffering buffering,
        @NotImplemented("circuitBreaker middleware not implemented yet") CircuitBreaker circuitBreaker,
        Compress compress,
        @NotImplemented("passTLSClientCert middleware not implemented yet") PassTlsClientCert passTLSClientCert,
        Retry retry,
        @NotImplemented("contentType middleware not implemented yet") ContentType contentType,
        @NotImplemented("grpcWeb middleware not implemented yet") GrpcWeb grpcWeb,
        @NotImplemented("plugins not implemented yet") Map<String, Map<String, Object>> plugin) {

    public Middleware {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        plugin = plugin == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(plugin));
    }
}
