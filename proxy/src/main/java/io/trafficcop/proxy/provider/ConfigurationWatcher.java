package io.trafficcop.proxy.provider;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the configurations the providers publish and hands the whole set to {@code apply} on one
 * thread, throttled per provider as Traefik's {@code providers.providersThrottleDuration}: a provider's
 * first configuration applies at once; after that, at most one per throttle period, the latest one.
 */
public final class ConfigurationWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationWatcher.class);

    private final Duration throttle;
    private final Consumer<Map<String, ProviderConfiguration>> apply;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "configuration-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ProviderConfiguration> current = new LinkedHashMap<>();
    private final Map<String, ProviderConfiguration> pending = new LinkedHashMap<>();
    private final Map<String, Long> quietUntilNanos = new LinkedHashMap<>();
    /** Between {@link #pause()} and {@link #resume()}: publications are collected, not applied. */
    private boolean paused;
    private boolean collectedWhilePaused;

    public ConfigurationWatcher(Duration throttle, Consumer<Map<String, ProviderConfiguration>> apply) {
        this.throttle = throttle;
        this.apply = apply;
    }

    /** Called by providers, from any thread. */
    public void publish(ProviderConfiguration configuration) {
        executor.execute(() -> receive(configuration));
    }

    /**
     * Collects what providers publish without applying it until {@link #resume()}. Start-up pauses while its
     * providers publish their first configurations, so they are compiled and applied once, together, rather than
     * once per provider (each compilation of a large configuration costs a noticeable part of a second).
     */
    public void pause() {
        executor.execute(() -> paused = true);
    }

    /** Applies what was published since {@link #pause()}, at once, and goes back to applying as it comes. */
    public void resume() {
        executor.execute(() -> {
            paused = false;
            if (collectedWhilePaused) {
                collectedWhilePaused = false;
                long quietUntil = System.nanoTime() + throttle.toNanos();
                current.keySet().forEach(provider -> quietUntilNanos.put(provider, quietUntil));
                applyCurrent("paused providers");
            }
        });
    }

    /**
     * Applies the current configurations again (for what changed outside them, such as a certificate ACME
     * just obtained), on the watcher's thread like every other application.
     */
    public void reapply() {
        executor.execute(() -> {
            if (!current.isEmpty()) {
                try {
                    apply.accept(Map.copyOf(current));
                } catch (RuntimeException e) {
                    LOG.error("re-applying the configuration failed: {}", e.toString(), e);
                }
            }
        });
    }

    private void receive(ProviderConfiguration configuration) {
        String provider = configuration.provider();
        if (paused) {
            current.put(provider, configuration);
            collectedWhilePaused = true;
            return;
        }
        long now = System.nanoTime();
        Long quietUntil = quietUntilNanos.get(provider);
        if (quietUntil != null && now - quietUntil < 0) {
            boolean alreadyScheduled = pending.containsKey(provider);
            pending.put(provider, configuration);
            if (!alreadyScheduled) {
                executor.schedule(() -> flush(provider), quietUntil - now, TimeUnit.NANOSECONDS);
            }
            return;
        }
        applyNow(configuration);
    }

    private void flush(String provider) {
        ProviderConfiguration configuration = pending.remove(provider);
        if (configuration != null) {
            applyNow(configuration);
        }
    }

    private void applyNow(ProviderConfiguration configuration) {
        current.put(configuration.provider(), configuration);
        quietUntilNanos.put(configuration.provider(), System.nanoTime() + throttle.toNanos());
        applyCurrent("provider " + configuration.provider());
    }

    private void applyCurrent(String from) {
        try {
            apply.accept(Map.copyOf(current));
        } catch (RuntimeException e) {
            LOG.error("applying the configuration from {} failed: {}", from, e.toString(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
