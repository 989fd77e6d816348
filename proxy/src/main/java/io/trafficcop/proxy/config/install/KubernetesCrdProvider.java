package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Kubernetes CRD (IngressRoute...) provider; present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.kubernetesCRD} (Traefik's {@code crd.Provider}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record KubernetesCrdProvider(
        String endpoint,
        String token,
        String certAuthFilePath,
        List<String> namespaces,
        Boolean allowCrossNamespace,
        Boolean allowExternalNameServices,
        List<String> crossProviderNamespaces,
        String labelSelector,
        String ingressClass,
        GoDuration throttleDuration,
        Boolean allowEmptyServices,
        Boolean nativeLBByDefault,
        Boolean disableClusterScopeResources) {
}
