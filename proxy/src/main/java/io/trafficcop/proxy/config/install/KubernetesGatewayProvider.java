package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Kubernetes Gateway API provider; present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.kubernetesGateway} (Traefik's {@code gateway.Provider}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record KubernetesGatewayProvider(
        String endpoint,
        String token,
        Integer qps,
        Integer burst,
        String certAuthFilePath,
        List<String> namespaces,
        String labelSelector,
        GoDuration throttleDuration,
        Boolean experimentalChannel,
        StatusAddress statusAddress,
        Boolean nativeLBByDefault,
        List<String> crossProviderNamespaces) {

    public static final Integer DEFAULT_QPS = 50;
    public static final Integer DEFAULT_BURST = 100;

    public KubernetesGatewayProvider {
        if (qps == null) {
            qps = DEFAULT_QPS;
        }
        if (burst == null) {
            burst = DEFAULT_BURST;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static KubernetesGatewayProvider defaults() {
        return new KubernetesGatewayProvider(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
