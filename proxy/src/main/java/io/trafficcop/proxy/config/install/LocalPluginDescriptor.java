package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;

/**
 * A plugin loaded from the local plugins-local directory.
 *
 * <p>Traefik key: {@code experimental.localPlugins.<name>} (Traefik's {@code plugins.LocalDescriptor}).
 */
@NotImplemented("plugins are not implemented yet")
public record LocalPluginDescriptor(
        String moduleName,
        PluginSettings settings) {
}
