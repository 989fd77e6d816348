package io.trafficcop.proxy.config.dynamic;

import io.trafficcop.proxy.config.NotImplemented;
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
@NotImplemented("middleware not implemented yet")
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
}
