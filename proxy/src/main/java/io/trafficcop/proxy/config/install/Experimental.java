package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Map;

/**
 * Experimental features.
 *
 * <p>Traefik key: {@code experimental}.
 *
 * @param kubernetesIngressNGINX deprecated, no longer experimental
 * @param kubernetesGateway deprecated, no longer experimental
 */
@NotImplemented("experimental features are not implemented yet")
public record Experimental(
        Map<String, PluginDescriptor> plugins,
        Map<String, LocalPluginDescriptor> localPlugins,
        Boolean abortOnPluginFailure,
        FastProxy fastProxy,
        Boolean otlplogs,
        Boolean knative,
        Boolean kubernetesIngressNGINX,
        Boolean kubernetesGateway) {
}
