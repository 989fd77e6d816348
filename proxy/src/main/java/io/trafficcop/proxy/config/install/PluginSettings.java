package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;

/**
 * Sandbox settings of a plugin.
 *
 * <p>Traefik key: {@code experimental.plugins.<name>.settings} (Traefik's {@code plugins.Settings}).
 */
@NotImplemented("plugins are not implemented yet")
public record PluginSettings(
        List<String> envs,
        List<String> mounts,
        Boolean useUnsafe) {
}
