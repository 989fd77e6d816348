package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Kubernetes Ingress NGINX compatibility provider; present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.kubernetesIngressNGINX} (Traefik's {@code ingressnginx.Provider}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record KubernetesIngressNginxProvider(
        String endpoint,
        String token,
        String certAuthFilePath,
        GoDuration throttleDuration,
        String globalAuthURL,
        String watchNamespace,
        String watchNamespaceSelector,
        String ingressClass,
        String controllerClass,
        Boolean watchIngressWithoutClass,
        Boolean ingressClassByName,
        String publishService,
        List<String> publishStatusAddress,
        String defaultBackendService,
        Boolean disableSvcExternalName,
        IPStrategy ipAllowListStrategy,
        String httpEntryPoint,
        String httpsEntryPoint,
        Boolean proxyRequestBuffering,
        Long clientBodyBufferSize,
        Long proxyBodySize,
        Boolean proxyBuffering,
        Long proxyBufferSize,
        Integer proxyBuffersNumber,
        Integer proxyConnectTimeout,
        Integer proxyReadTimeout,
        Integer proxySendTimeout,
        String proxyNextUpstream,
        Integer proxyNextUpstreamTries,
        Integer proxyNextUpstreamTimeout,
        List<String> customHTTPErrors,
        Integer upstreamKeepaliveTimeout,
        Boolean allowCrossNamespaceResources,
        List<String> globalAllowedResponseHeaders,
        Boolean allowSnippetAnnotations,
        Boolean strictValidatePathType) {

    public static final String DEFAULT_INGRESS_CLASS = "nginx";
    public static final String DEFAULT_CONTROLLER_CLASS = "k8s.io/ingress-nginx";
    public static final Long DEFAULT_CLIENT_BODY_BUFFER_SIZE = 16L * 1024;
    public static final Long DEFAULT_PROXY_BODY_SIZE = 1024L * 1024;
    public static final Long DEFAULT_PROXY_BUFFER_SIZE = 8L * 1024;
    public static final Integer DEFAULT_PROXY_BUFFERS_NUMBER = 4;
    public static final Integer DEFAULT_PROXY_CONNECT_TIMEOUT = 60;
    public static final Integer DEFAULT_PROXY_READ_TIMEOUT = 60;
    public static final Integer DEFAULT_PROXY_SEND_TIMEOUT = 60;
    public static final String DEFAULT_PROXY_NEXT_UPSTREAM = "error timeout";
    public static final Integer DEFAULT_PROXY_NEXT_UPSTREAM_TRIES = 3;
    public static final Integer DEFAULT_UPSTREAM_KEEPALIVE_TIMEOUT = 60;
    public static final Boolean DEFAULT_STRICT_VALIDATE_PATH_TYPE = Boolean.TRUE;

    public KubernetesIngressNginxProvider {
        if (ingressClass == null) {
            ingressClass = DEFAULT_INGRESS_CLASS;
        }
        if (controllerClass == null) {
            controllerClass = DEFAULT_CONTROLLER_CLASS;
        }
        if (clientBodyBufferSize == null) {
            clientBodyBufferSize = DEFAULT_CLIENT_BODY_BUFFER_SIZE;
        }
        if (proxyBodySize == null) {
            proxyBodySize = DEFAULT_PROXY_BODY_SIZE;
        }
        if (proxyBufferSize == null) {
            proxyBufferSize = DEFAULT_PROXY_BUFFER_SIZE;
        }
        if (proxyBuffersNumber == null) {
            proxyBuffersNumber = DEFAULT_PROXY_BUFFERS_NUMBER;
        }
        if (proxyConnectTimeout == null) {
            proxyConnectTimeout = DEFAULT_PROXY_CONNECT_TIMEOUT;
        }
        if (proxyReadTimeout == null) {
            proxyReadTimeout = DEFAULT_PROXY_READ_TIMEOUT;
        }
        if (proxySendTimeout == null) {
            proxySendTimeout = DEFAULT_PROXY_SEND_TIMEOUT;
        }
        if (proxyNextUpstream == null) {
            proxyNextUpstream = DEFAULT_PROXY_NEXT_UPSTREAM;
        }
        if (proxyNextUpstreamTries == null) {
            proxyNextUpstreamTries = DEFAULT_PROXY_NEXT_UPSTREAM_TRIES;
        }
        if (upstreamKeepaliveTimeout == null) {
            upstreamKeepaliveTimeout = DEFAULT_UPSTREAM_KEEPALIVE_TIMEOUT;
        }
        if (strictValidatePathType == null) {
            strictValidatePathType = DEFAULT_STRICT_VALIDATE_PATH_TYPE;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static KubernetesIngressNginxProvider defaults() {
        return new KubernetesIngressNginxProvider(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }
}
