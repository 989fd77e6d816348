package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traefik's {@code http.middlewares.<name>.headers} ({@code dynamic.Headers}).
 *
 * <ul>
 *   <li>{@code customRequestHeaders}: an empty value removes the header</li>
 *   <li>{@code customResponseHeaders}: an empty value removes the header</li>
 *   <li>{@code featurePolicy}: deprecated</li>
 *   <li>{@code sslRedirect}: deprecated</li>
 *   <li>{@code sslTemporaryRedirect}: deprecated</li>
 *   <li>{@code sslHost}: deprecated</li>
 *   <li>{@code sslForceHost}: deprecated</li>
 * </ul>
 */
public record Headers(
        Map<String, String> customRequestHeaders,
        Map<String, String> customResponseHeaders,
        Boolean accessControlAllowCredentials,
        List<String> accessControlAllowHeaders,
        List<String> accessControlAllowMethods,
        List<String> accessControlAllowOriginList,
        List<String> accessControlAllowOriginListRegex,
        List<String> accessControlExposeHeaders,
        Long accessControlMaxAge,
        Boolean addVaryHeader,
        List<String> allowedHosts,
        List<String> hostsProxyHeaders,
        Map<String, String> sslProxyHeaders,
        Long stsSeconds,
        Boolean stsIncludeSubdomains,
        Boolean stsPreload,
        Boolean forceSTSHeader,
        Boolean frameDeny,
        String customFrameOptionsValue,
        Boolean contentTypeNosniff,
        Boolean browserXssFilter,
        String customBrowserXSSValue,
        String contentSecurityPolicy,
        String contentSecurityPolicyReportOnly,
        String publicKey,
        String referrerPolicy,
        String permissionsPolicy,
        Boolean isDevelopment,
        String featurePolicy,
        Boolean sslRedirect,
        Boolean sslTemporaryRedirect,
        String sslHost,
        Boolean sslForceHost) {

    public Headers {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        customRequestHeaders = customRequestHeaders == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(customRequestHeaders));
        customResponseHeaders = customResponseHeaders == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(customResponseHeaders));
        accessControlAllowHeaders = accessControlAllowHeaders == null ? null : Collections.unmodifiableList(new ArrayList<>(accessControlAllowHeaders));
        accessControlAllowMethods = accessControlAllowMethods == null ? null : Collections.unmodifiableList(new ArrayList<>(accessControlAllowMethods));
        accessControlAllowOriginList = accessControlAllowOriginList == null ? null : Collections.unmodifiableList(new ArrayList<>(accessControlAllowOriginList));
        accessControlAllowOriginListRegex = accessControlAllowOriginListRegex == null ? null : Collections.unmodifiableList(new ArrayList<>(accessControlAllowOriginListRegex));
        accessControlExposeHeaders = accessControlExposeHeaders == null ? null : Collections.unmodifiableList(new ArrayList<>(accessControlExposeHeaders));
        allowedHosts = allowedHosts == null ? null : Collections.unmodifiableList(new ArrayList<>(allowedHosts));
        hostsProxyHeaders = hostsProxyHeaders == null ? null : Collections.unmodifiableList(new ArrayList<>(hostsProxyHeaders));
        sslProxyHeaders = sslProxyHeaders == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(sslProxyHeaders));
    }
}
