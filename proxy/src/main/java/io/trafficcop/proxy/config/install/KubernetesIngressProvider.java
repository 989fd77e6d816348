package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Kubernetes Ingress provider; present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.kubernetesIngress} (Traefik's {@code ingress.Provider}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record KubernetesIngressProvider(
        String endpoint,
        String token,
        String certAuthFilePath,
        List<String> namespaces,
        String labelSelector,
        String ingressClass,
        IngressEndpoint ingressEndpoint,
        Boolean reportNodeInternalIPs,
        GoDuration throttleDuration,
        Boolean allowEmptyServices,
        Boolean allowExternalNameServices,
        List<String> crossProviderNamespaces,
        Boolean disableIngressClassLookup,
        Boolean disableClusterScopeResources,
        Boolean nativeLBByDefault,
        Boolean strictPrefixMatching) {
}
