package io.trafficcop.proxy.middleware.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.trafficcop.proxy.config.dynamic.Jwt;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.middleware.TextResponses;
import java.security.Key;
import java.security.PublicKey;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * TrafficCop's {@code jwt} middleware (an extension, not in Traefik; configuration {@link Jwt}): the request must
 * carry a JWS-signed JWT (from the Authorization Bearer header, or the configured header, query parameter or
 * cookie), verified with the configured key source and algorithms, valid in time (exp / nbf with
 * {@code clockSkew}), from {@code issuer}, for one of {@code audience}, with the required {@code claims}. Its
 * claims are forwarded as request headers per {@code forwardClaims} (client-sent headers of those names are
 * always removed first). Otherwise: 401 with {@code WWW-Authenticate: Bearer realm="...", error="...",
 * error_description="..."} (RFC 6750).
 */
public final class JwtMiddleware implements Middleware {

    /** Where verifications that may fetch a JWKS run, so the event loop never blocks on the network. */
    private static final Executor DEFAULT_REMOTE_EXECUTOR = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("jwt-jwks-", 0).daemon(true).factory());

    static final String UNAUTHORIZED_BODY = "401 Unauthorized\n";

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final boolean remote;
    private final Executor remoteExecutor;
    private final Map<String, String> requiredClaims;
    private final Map<String, String> forwardClaims;
    private final String tokenHeader;
    private final boolean bearerHeader;
    private final String tokenQuery;
    private final String tokenCookie;
    private final boolean removeHeader;
    private final String realm;

    /** @throws IllegalArgumentException naming the option for an invalid key source, algorithm or duration */
    public JwtMiddleware(Jwt config) {
        this(config, DEFAULT_REMOTE_EXECUTOR);
    }

    /** @param remoteExecutor where verifications with a jwksUrl run ({@code Runnable::run}: inline) */
    public JwtMiddleware(Jwt config, Executor remoteExecutor) {
        JwtKeys keys = JwtKeys.of(config);
        this.remote = keys.remote;
        this.remoteExecutor = remoteExecutor;
        long skew = config.clockSkew().toNanos();
        if (skew < 0) {
            throw new IllegalArgumentException("jwt.clockSkew: must not be negative: " + config.clockSkew());
        }
        this.processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(keys.selector);
        processor.setJWSVerifierFactory(new EdDsaAwareVerifierFactory());
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        if (config.issuer() != null && !config.issuer().isEmpty()) {
            exact.issuer(config.issuer());
        }
        Set<String> required = new HashSet<>();
        if (Boolean.TRUE.equals(config.requireExpiration())) {
            required.add("exp");
        }
        Set<String> audience = config.audience() == null || config.audience().isEmpty() ? null
                : new HashSet<>(config.audience());
        DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier =
                new DefaultJWTClaimsVerifier<>(audience, exact.build(), required, null);
        claimsVerifier.setMaxClockSkew((int) Math.min(Integer.MAX_VALUE, (skew + 999_999_999L) / 1_000_000_000L));
        processor.setJWTClaimsSetVerifier(claimsVerifier);
        this.requiredClaims = config.claims() == null ? Map.of() : new LinkedHashMap<>(config.claims());
        this.forwardClaims = config.forwardClaims() == null ? Map.of() : new LinkedHashMap<>(config.forwardClaims());
        for (var entry : forwardClaims.entrySet()) {
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                throw new IllegalArgumentException("jwt.forwardClaims." + entry.getKey() + ": empty header name");
            }
        }
        this.tokenHeader = config.tokenHeader() == null || config.tokenHeader().isEmpty()
                ? Jwt.DEFAULT_TOKEN_HEADER : config.tokenHeader();
        this.bearerHeader = tokenHeader.equalsIgnoreCase(Jwt.DEFAULT_TOKEN_HEADER);
        this.tokenQuery = config.tokenQuery() == null || config.tokenQuery().isEmpty() ? null : config.tokenQuery();
        this.tokenCookie = config.tokenCookie() == null || config.tokenCookie().isEmpty() ? null
                : config.tokenCookie();
        this.removeHeader = Boolean.TRUE.equals(config.removeHeader());
        this.realm = config.realm() == null || config.realm().isEmpty() ? Jwt.DEFAULT_REALM : config.realm();
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            String token = token(exchange);
            if (token == null) {
                refuse(exchange, "invalid_request", "missing token");
                return;
            }
            if (!remote) {
                finish(exchange, next, verify(token));
                return;
            }
            CompletableFuture.supplyAsync(() -> verify(token), remoteExecutor).whenComplete((outcome, error) -> {
                Outcome result = error != null ? Outcome.failure("token verification failed") : outcome;
                if (exchange.context().executor().inEventLoop()) {
                    finish(exchange, next, result);
                } else {
                    exchange.context().executor().execute(() -> finish(exchange, next, result));
                }
            });
        };
    }

    private record Outcome(JWTClaimsSet claims, String error) {
        static Outcome failure(String error) {
            return new Outcome(null, error);
        }
    }

    private Outcome verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (java.text.ParseException e) {
            return Outcome.failure("malformed token");
        } catch (com.nimbusds.jose.proc.BadJOSEException | JOSEException e) {
            return Outcome.failure(e.getMessage());
        } catch (RuntimeException e) {
            return Outcome.failure("token verification failed");
        }
        for (var required : requiredClaims.entrySet()) {
            if (!claimMatches(claims.getClaim(required.getKey()), required.getValue())) {
                return Outcome.failure("claim \"" + required.getKey() + "\" does not have the required value");
            }
        }
        return new Outcome(claims, null);
    }

    private static boolean claimMatches(Object value, String expected) {
        if (value instanceof Collection<?> values) {
            for (Object v : values) {
                if (v != null && expected.equals(claimText(v))) {
                    return true;
                }
            }
            return false;
        }
        return value != null && expected.equals(claimText(value));
    }

    private void finish(Exchange exchange, HttpHandler next, Outcome outcome) {
        if (exchange.finished()) {
            return;
        }
        if (outcome.error() != null) {
            refuse(exchange, "invalid_token", outcome.error());
            return;
        }
        var headers = exchange.request().headers();
        for (var entry : forwardClaims.entrySet()) {
            headers.remove(entry.getValue()); // never forward a client's own version of a claim header
            Object value = outcome.claims().getClaim(entry.getKey());
            if (value != null) {
                headers.set(entry.getValue(), claimText(value));
            }
        }
        if (removeHeader) {
            headers.remove(tokenHeader);
        }
        next.handle(exchange);
    }

    /** A claim as header text: strings as they are, arrays comma-joined, objects as JSON, others printed. */
    static String claimText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof java.util.Date date) {
            return Long.toString(date.getTime() / 1000);
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder();
            for (Object item : list) {
                if (!sb.isEmpty()) {
                    sb.append(',');
                }
                sb.append(claimText(item));
            }
            return sb.toString();
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return JSONObjectUtils.toJSONString(object);
        }
        return String.valueOf(value);
    }

    /** The token: the header (Bearer scheme for Authorization), else the query parameter, else the cookie. */
    private String token(Exchange exchange) {
        String header = exchange.request().headers().get(tokenHeader);
        if (header != null && !header.isEmpty()) {
            if (header.length() > 7 && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return header.substring(7).strip();
            }
            if (!bearerHeader) {
                return header.strip();
            }
        }
        if (tokenQuery != null) {
            List<String> values = new QueryStringDecoder(exchange.request().uri()).parameters().get(tokenQuery);
            if (values != null && !values.isEmpty() && !values.get(0).isEmpty()) {
                return values.get(0);
            }
        }
        if (tokenCookie != null) {
            for (String cookieHeader : exchange.request().headers().getAll(HttpHeaderNames.COOKIE)) {
                for (Cookie cookie : ServerCookieDecoder.LAX.decodeAll(cookieHeader)) {
                    if (tokenCookie.equals(cookie.name()) && !cookie.value().isEmpty()) {
                        return cookie.value();
                    }
                }
            }
        }
        return null;
    }

    private void refuse(Exchange exchange, String error, String description) {
        FullHttpResponse response = TextResponses.of(exchange, HttpResponseStatus.UNAUTHORIZED, "text/plain",
                UNAUTHORIZED_BODY);
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"" + quoted(realm) + "\", error=\""
                + error + "\", error_description=\"" + quoted(description) + "\"");
        exchange.respond(response);
    }

    private static String quoted(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c < 0x20 || c > 0x7e ? '?' : c);
        }
        return sb.toString();
    }

    /** nimbus' verifier factory, plus EdDSA over JDK Ed25519 keys. */
    private static final class EdDsaAwareVerifierFactory implements JWSVerifierFactory {
        private final DefaultJWSVerifierFactory standard = new DefaultJWSVerifierFactory();

        @Override
        public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
            if (key instanceof PublicKey publicKey && Ed25519Keys.isEd25519(publicKey)
                    && Ed25519Keys.ALGORITHMS.contains(header.getAlgorithm())) {
                return new Ed25519Keys.Verifier(publicKey);
            }
            return standard.createJWSVerifier(header, key);
        }

        @Override
        public JCAContext getJCAContext() {
            return standard.getJCAContext();
        }

        @Override
        public Set<com.nimbusds.jose.JWSAlgorithm> supportedJWSAlgorithms() {
            Set<com.nimbusds.jose.JWSAlgorithm> all = new HashSet<>(standard.supportedJWSAlgorithms());
            all.addAll(Ed25519Keys.ALGORITHMS);
            return all;
        }
    }
}
