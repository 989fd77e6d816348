package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.GoDuration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TrafficCop's {@code http.middlewares.<name>.jwt} (an extension, not in Traefik): requests must carry a valid
 * JSON Web Token.
 *
 * <ul>
 *   <li>keys (one source): {@code secret} / {@code secretFile} (HS256/384/512 shared secret), {@code jwksUrl}
 *       (fetched, cached, refreshed every {@code jwksRefreshInterval}, default 15m, and on an unknown key id),
 *       {@code jwksFile} (a JWK set) or {@code publicKeyFile} (PEM public key or certificate) for RS*, PS*, ES*
 *       and EdDSA</li>
 *   <li>{@code algorithms}: the accepted {@code alg} values (default: all those the key source supports)</li>
 *   <li>{@code issuer}, {@code audience} (any of), {@code clockSkew} (default 0s) for exp/nbf/iat,
 *       {@code requireExpiration} (default true), {@code claims}: claim name to required value (string
 *       equality; for an array claim, membership)</li>
 *   <li>{@code forwardClaims}: claim name to request header name</li>
 *   <li>token source: {@code tokenHeader} (default "Authorization", with the "Bearer " prefix when it is
 *       Authorization), else {@code tokenQuery} (query parameter), else {@code tokenCookie}; the first present
 *       wins in that order</li>
 *   <li>{@code removeHeader}: do not forward the header the token came from</li>
 *   <li>{@code realm}: the realm of the WWW-Authenticate challenge (default "traefik")</li>
 * </ul>
 */
public record Jwt(
        String secret,
        String secretFile,
        String jwksUrl,
        String jwksFile,
        String publicKeyFile,
        GoDuration jwksRefreshInterval,
        List<String> algorithms,
        String issuer,
        List<String> audience,
        GoDuration clockSkew,
        Boolean requireExpiration,
        Map<String, String> claims,
        Map<String, String> forwardClaims,
        String tokenHeader,
        String tokenQuery,
        String tokenCookie,
        Boolean removeHeader,
        String realm) {

    public static final GoDuration DEFAULT_JWKS_REFRESH_INTERVAL = GoDuration.ofSeconds(15 * 60);
    public static final GoDuration DEFAULT_CLOCK_SKEW = GoDuration.ZERO;
    public static final String DEFAULT_TOKEN_HEADER = "Authorization";
    public static final String DEFAULT_REALM = "traefik";

    public Jwt {
        jwksRefreshInterval = jwksRefreshInterval != null ? jwksRefreshInterval : DEFAULT_JWKS_REFRESH_INTERVAL;
        clockSkew = clockSkew != null ? clockSkew : DEFAULT_CLOCK_SKEW;
        requireExpiration = requireExpiration != null ? requireExpiration : Boolean.TRUE;
        realm = realm != null ? realm : DEFAULT_REALM;
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        algorithms = algorithms == null ? null : Collections.unmodifiableList(new ArrayList<>(algorithms));
        audience = audience == null ? null : Collections.unmodifiableList(new ArrayList<>(audience));
        claims = claims == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        forwardClaims = forwardClaims == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(forwardClaims));
    }
}
