package io.trafficcop.proxy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.load.CheckedDocument;
import io.trafficcop.proxy.config.load.StaticConfigLoader;
import io.trafficcop.proxy.provider.ConfigurationWatcher;
import io.trafficcop.proxy.provider.ProviderConfiguration;
import io.trafficcop.proxy.provider.ProviderException;
import io.trafficcop.proxy.provider.file.FileProvider;
import io.trafficcop.proxy.runtime.compile.EntryPointSettingsFactory;
import io.trafficcop.proxy.runtime.compile.RuntimeConfigurationApplier;
import io.trafficcop.proxy.server.ProxyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running TrafficCop: the entry points of the static configuration, fed by its providers through the
 * configuration watcher, each new configuration compiled into a snapshot and swapped in.
 */
public final class TrafficCop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficCop.class);
    /** Environment variable setting the number of worker event loops (default: one per core). */
    public static final String WORKER_THREADS_ENV = "TRAFFICCOP_WORKER_THREADS";
    /** System property setting the number of worker event loops; wins over the environment variable. */
    public static final String WORKER_THREADS_PROPERTY = "trafficcop.workerThreads";

    private final ProxyServer server;
    private final ConfigurationWatcher watcher;
    private final FileProvider provider;

    private TrafficCop(ProxyServer server, ConfigurationWatcher watcher, FileProvider provider) {
        this.server = server;
        this.watcher = watcher;
        this.provider = provider;
    }

    /**
     * Starts serving.
     *
     * @param config the effective static configuration (valid)
     * @param loaded where it came from (for the dynamic sections of a single-file configuration)
     */
    public static TrafficCop start(StaticConfiguration config, StaticConfigLoader.Loaded loaded,
            Map<String, String> environment) throws InterruptedException, ProviderException {
        ProxyServer server = new ProxyServer(workerThreads(environment));
        server.start(EntryPointSettingsFactory.of(config), null);
        Duration throttle = config.providers() == null || config.providers().providersThrottleDuration() == null
                ? Duration.ofSeconds(2) : config.providers().providersThrottleDuration().value();
        ConfigurationWatcher watcher = new ConfigurationWatcher(throttle,
                new RuntimeConfigurationApplier(config, server::apply));
        FileProvider provider = fileProvider(config, loaded, environment);
        // the internal provider: what TrafficCop routes itself (ping, redirections), even with no other provider
        watcher.publish(new ProviderConfiguration("internal", JsonNodeFactory.instance.objectNode(), List.of(), List.of()));
        try {
            if (provider != null) {
                provider.start(watcher::publish);
            }
        } catch (ProviderException e) {
            server.close();
            watcher.close();
            throw e;
        }
        return new TrafficCop(server, watcher, provider);
    }

    /**
     * Worker event loops: {@value #WORKER_THREADS_ENV} (environment) or the system property
     * {@value #WORKER_THREADS_PROPERTY}, else 0 = one per available core (Traefik has no such setting: Go's runtime
     * uses every core). The benchmark pins the proxy to one core with one worker.
     */
    static int workerThreads(Map<String, String> environment) {
        String value = System.getProperty(WORKER_THREADS_PROPERTY);
        if (value == null || value.isBlank()) {
            value = environment.get(WORKER_THREADS_ENV);
        }
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            LOG.warn("ignoring {}={}: not a number", WORKER_THREADS_ENV, value);
            return 0;
        }
    }

    /** The port an entry point is bound to (useful with port 0). */
    public int boundPort(String entryPoint) {
        return server.boundPort(entryPoint);
    }

    /** Graceful shutdown as Traefik's lifeCycle: blocks until requests in flight have finished. */
    public void stop() {
        LOG.info("stopping: finishing requests in flight");
        if (provider != null) {
            provider.close();
        }
        server.shutdown();
        watcher.close();
        LOG.info("stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private static FileProvider fileProvider(StaticConfiguration config, StaticConfigLoader.Loaded loaded,
            Map<String, String> environment) {
        List<CheckedDocument> inline = loaded.inlineDynamic().map(List::of).orElse(List.of());
        var file = config.providers() == null ? null : config.providers().file();
        if (file == null && inline.isEmpty()) {
            return null;
        }
        Path filename = file == null || empty(file.filename()) ? null : Path.of(file.filename());
        Path directory = file == null || empty(file.directory()) ? null : Path.of(file.directory());
        boolean watch = file != null && Boolean.TRUE.equals(file.watch());
        return new FileProvider(filename, directory, watch, DynamicConfiguration.class, environment, inline);
    }

    private static boolean empty(String value) {
        return value == null || value.isEmpty();
    }
}
