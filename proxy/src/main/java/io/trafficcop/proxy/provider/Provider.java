package io.trafficcop.proxy.provider;

import java.util.function.Consumer;

/** A source of dynamic configuration, as Traefik's providers: it publishes each new configuration it has. */
public interface Provider extends AutoCloseable {

    /** The name that qualifies the objects it provides ({@code file}, {@code internal}, ...). */
    String name();

    /**
     * Publishes the current configuration, then each change, until closed.
     *
     * @throws ProviderException when the provider cannot start at all (its configuration is unusable)
     */
    void start(Consumer<ProviderConfiguration> publish) throws ProviderException;

    @Override
    void close();
}
