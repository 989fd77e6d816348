package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Knative provider (experimental); present (even empty) enables it.
 *
 * <p>Traefik key: {@code providers.knative} (Traefik's {@code knative.Provider}).
 */
@NotImplemented("provider not implemented yet; only the file provider is")
public record KnativeProvider(
        String endpoint,
        String token,
        String certAuthFilePath,
        List<String> namespaces,
        String labelSelector,
        List<String> publicEntrypoints,
        KnativeServiceRef publicService,
        List<String> privateEntrypoints,
        KnativeServiceRef privateService,
        GoDuration throttleDuration) {
}
