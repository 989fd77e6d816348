package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * A plugin fetched from the plugin catalog.
 *
 * <p>Traefik key: {@code experimental.plugins.<name>} (Traefik's {@code plugins.Descriptor}).
 */
@NotImplemented("plugins are not implemented yet")
public record PluginDescriptor(
        String moduleName,
        String version,
        String hash,
        PluginSettings settings) {
}
