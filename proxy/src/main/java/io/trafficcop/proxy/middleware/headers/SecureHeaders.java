package io.trafficcop.proxy.middleware.headers;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import io.trafficcop.proxy.config.dynamic.Headers;
import io.trafficcop.proxy.http.Exchange;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The security part of Traefik's headers middleware (unrolled/secure v1.0.9 as Traefik configures it): the allowed
 * hosts check, and the response headers HSTS, X-Frame-Options, X-Content-Type-Options, X-XSS-Protection,
 * Public-Key-Pins, Content-Security-Policy (with {@code $NONCE}), its report-only variant, Referrer-Policy and
 * Permissions-Policy. Traefik does not hand sslRedirect, sslHost, sslForceHost, sslTemporaryRedirect or
 * featurePolicy to the library: they only switch this part on.
 */
final class SecureHeaders {

    static final AsciiString STS = AsciiString.cached("Strict-Transport-Security");
    static final AsciiString FRAME_OPTIONS = AsciiString.cached("X-Frame-Options");
    static final AsciiString CONTENT_TYPE_OPTIONS = AsciiString.cached("X-Content-Type-Options");
    static final AsciiString XSS_PROTECTION = AsciiString.cached("X-XSS-Protection");
    static final AsciiString PUBLIC_KEY_PINS = AsciiString.cached("Public-Key-Pins");
    static final AsciiString CSP = AsciiString.cached("Content-Security-Policy");
    static final AsciiString CSP_REPORT_ONLY = AsciiString.cached("Content-Security-Policy-Report-Only");
    static final AsciiString REFERRER_POLICY = AsciiString.cached("Referrer-Policy");
    static final AsciiString PERMISSIONS_POLICY = AsciiString.cached("Permissions-Policy");

    private static final String NONCE_PLACEHOLDER = "%[1]s";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String[] allowedHosts;
    private final AsciiString[] hostsProxyHeaders;
    private final AsciiString[] sslProxyHeaderNames;
    private final String[] sslProxyHeaderValues;
    private final boolean development;
    private final String csp;
    private final String cspReportOnly;
    private final boolean nonce;
    /** Response headers (name, value pairs) on a plain-HTTP request and on an HTTPS one, without the CSP ones. */
    private final Object[] plainHeaders;
    private final Object[] sslHeaders;

    SecureHeaders(Headers config) {
        this.allowedHosts = list(config.allowedHosts()).toArray(String[]::new);
        this.hostsProxyHeaders = list(config.hostsProxyHeaders()).stream().map(AsciiString::of)
                .toArray(AsciiString[]::new);
        Map<String, String> ssl = config.sslProxyHeaders() == null ? Map.of() : config.sslProxyHeaders();
        this.sslProxyHeaderNames = ssl.keySet().stream().map(AsciiString::of).toArray(AsciiString[]::new);
        this.sslProxyHeaderValues = ssl.values().stream().map(v -> v == null ? "" : v).toArray(String[]::new);
        this.development = Boolean.TRUE.equals(config.isDevelopment());
        String policy = config.contentSecurityPolicy() == null ? "" : config.contentSecurityPolicy()
                .replace("$NONCE", "'nonce-" + NONCE_PLACEHOLDER + "'");
        String reportOnly = config.contentSecurityPolicyReportOnly() == null ? ""
                : config.contentSecurityPolicyReportOnly().replace("$NONCE", "'nonce-" + NONCE_PLACEHOLDER + "'");
        this.csp = policy;
        this.cspReportOnly = reportOnly;
        this.nonce = policy.contains(NONCE_PLACEHOLDER) || reportOnly.contains(NONCE_PLACEHOLDER);
        this.plainHeaders = responseHeaders(config, false);
        this.sslHeaders = responseHeaders(config, true);
    }

    private Object[] responseHeaders(Headers config, boolean ssl) {
        List<Object> headers = new ArrayList<>();
        long stsSeconds = config.stsSeconds() == null ? 0 : config.stsSeconds();
        if (stsSeconds != 0 && (ssl || Boolean.TRUE.equals(config.forceSTSHeader())) && !development) {
            String value = "max-age=" + stsSeconds
                    + (Boolean.TRUE.equals(config.stsIncludeSubdomains()) ? "; includeSubDomains" : "")
                    + (Boolean.TRUE.equals(config.stsPreload()) ? "; preload" : "");
            headers.add(STS);
            headers.add(value);
        }
        if (notEmpty(config.customFrameOptionsValue())) {
            headers.add(FRAME_OPTIONS);
            headers.add(config.customFrameOptionsValue());
        } else if (Boolean.TRUE.equals(config.frameDeny())) {
            headers.add(FRAME_OPTIONS);
            headers.add("DENY");
        }
        if (Boolean.TRUE.equals(config.contentTypeNosniff())) {
            headers.add(CONTENT_TYPE_OPTIONS);
            headers.add("nosniff");
        }
        if (notEmpty(config.customBrowserXSSValue())) {
            headers.add(XSS_PROTECTION);
            headers.add(config.customBrowserXSSValue());
        } else if (Boolean.TRUE.equals(config.browserXssFilter())) {
            headers.add(XSS_PROTECTION);
            headers.add("1; mode=block");
        }
        if (notEmpty(config.publicKey()) && ssl && !development) {
            headers.add(PUBLIC_KEY_PINS);
            headers.add(config.publicKey());
        }
        if (!csp.isEmpty() && !nonce) {
            headers.add(CSP);
            headers.add(csp);
        }
        if (!cspReportOnly.isEmpty() && !nonce) {
            headers.add(CSP_REPORT_ONLY);
            headers.add(cspReportOnly);
        }
        if (notEmpty(config.referrerPolicy())) {
            headers.add(REFERRER_POLICY);
            headers.add(config.referrerPolicy());
        }
        if (notEmpty(config.permissionsPolicy())) {
            headers.add(PERMISSIONS_POLICY);
            headers.add(config.permissionsPolicy());
        }
        return headers.toArray();
    }

    /** Whether the request's host (Host header or the first non-empty hostsProxyHeaders) is allowed. */
    boolean hostAllowed(Exchange exchange) {
        if (allowedHosts.length == 0 || development) {
            return true;
        }
        HttpHeaders headers = exchange.request().headers();
        String host = headers.get(HttpHeaderNames.HOST, "");
        for (AsciiString name : hostsProxyHeaders) {
            String value = headers.get(name);
            if (value != null && !value.isEmpty()) {
                host = value;
                break;
            }
        }
        for (String allowed : allowedHosts) {
            if (allowed.equalsIgnoreCase(host)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the CSP carries a per-request nonce (the response headers then differ per request). */
    boolean nonce() {
        return nonce;
    }

    /** The response headers of plain-HTTP requests (without nonce CSP). */
    Object[] plainHeaders() {
        return plainHeaders;
    }

    /** The response headers of HTTPS requests (without nonce CSP). */
    Object[] sslHeaders() {
        return sslHeaders;
    }

    /** The response headers for this request, as (name, value) pairs, fixed at request time as the library does. */
    Object[] responseHeaders(Exchange exchange) {
        Object[] fixed = isSsl(exchange) ? sslHeaders : plainHeaders;
        if (!nonce) {
            return fixed;
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String value = Base64.getEncoder().withoutPadding().encodeToString(random);
        Object[] all = new Object[fixed.length + 4];
        System.arraycopy(fixed, 0, all, 0, fixed.length);
        int i = fixed.length;
        if (!csp.isEmpty()) {
            all[i++] = CSP;
            all[i++] = withNonce(csp, value);
        }
        if (!cspReportOnly.isEmpty()) {
            all[i++] = CSP_REPORT_ONLY;
            all[i++] = withNonce(cspReportOnly, value);
        }
        return i == all.length ? all : java.util.Arrays.copyOf(all, i);
    }

    /** Go's fmt.Sprintf(policy, nonce) for the placeholders the library writes (and "%%"). */
    private static String withNonce(String policy, String nonce) {
        return policy.replace(NONCE_PLACEHOLDER, nonce).replace("%%", "%");
    }

    boolean isSsl(Exchange exchange) {
        if (exchange.isSecure() || exchange.request().uri().regionMatches(true, 0, "https://", 0, 8)) {
            return true;
        }
        HttpHeaders headers = exchange.request().headers();
        for (int i = 0; i < sslProxyHeaderNames.length; i++) {
            if (headers.get(sslProxyHeaderNames[i], "").equals(sslProxyHeaderValues[i])) {
                return true;
            }
        }
        return false;
    }

    static void apply(HttpHeaders response, Object[] headers) {
        for (int i = 0; i < headers.length; i += 2) {
            response.set((AsciiString) headers[i], headers[i + 1]);
        }
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
