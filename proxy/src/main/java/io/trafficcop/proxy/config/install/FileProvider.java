package io.trafficcop.proxy.config.install;

/**
 * Reads dynamic configuration from a file or a directory; present enables it.
 *
 * <p>Traefik key: {@code providers.file} (Traefik's {@code file.Provider}).
 */
public record FileProvider(
        String directory,
        Boolean watch,
        String filename,
        Boolean debugLogGeneratedTemplate) {

    public static final Boolean DEFAULT_WATCH = Boolean.TRUE;
    public static final Boolean DEFAULT_DEBUG_LOG_GENERATED_TEMPLATE = Boolean.FALSE;

    public FileProvider {
        if (watch == null) {
            watch = DEFAULT_WATCH;
        }
        if (debugLogGeneratedTemplate == null) {
            debugLogGeneratedTemplate = DEFAULT_DEBUG_LOG_GENERATED_TEMPLATE;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static FileProvider defaults() {
        return new FileProvider(null, null, null, null);
    }
}
