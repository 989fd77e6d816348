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
import io.trafficcop.proxy.runtime.compile.RuntimeRegistries;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.observability.accesslog.AccessLogger;
import io.trafficcop.proxy.tls.acme.AcmeResolvers;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
    private final RuntimeRegistries registries;
    private final AcmeResolvers acme;
    private final AccessLogger accessLog;

    private TrafficCop(ProxyServer server, ConfigurationWatcher watcher, FileProvider provider,
            RuntimeRegistries registries, AcmeResolvers acme, AccessLogger accessLog) {
        this.acme = acme;
        this.accessLog = accessLog;
        this.server = server;
        this.watcher = watcher;
        this.provider = provider;
        this.registries = registries;
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
        AccessLogger accessLog = accessLogger(config);
        if (accessLog != null) {
            server.exchangeObserver(accessLog);
        }
        try {
            server.start(EntryPointSettingsFactory.of(config), null);
        } catch (RuntimeException | InterruptedException e) {
            if (accessLog != null) {
                accessLog.close();
            }
            throw e;
        }
        Duration throttle = config.providers() == null || config.providers().providersThrottleDuration() == null
                ? Duration.ofSeconds(2) : config.providers().providersThrottleDuration().value();
        RuntimeRegistries registries = RuntimeRegistries.create(server.workers(), ProxyServer.socketChannelType());
        AtomicReference<ConfigurationWatcher> watcherRef = new AtomicReference<>();
        AcmeResolvers acme;
        try {
            // a certificate obtained or renewed is served by the next snapshot
            acme = AcmeResolvers.of(config, registries.tlsChallenges(), () -> watcherRef.get().reapply());
        } catch (IllegalArgumentException e) {
            server.close();
            registries.close();
            if (accessLog != null) {
                accessLog.close();
            }
            throw new ProviderException(e.getMessage(), e);
        }
        ConfigurationWatcher watcher = new ConfigurationWatcher(throttle,
                new RuntimeConfigurationApplier(config, registries, acme, server::apply));
        watcherRef.set(watcher);
        acme.start();
        FileProvider provider = fileProvider(config, loaded, environment);
        // the providers' first configurations are compiled once, together (the file provider publishes its first
        // one from start())
        watcher.pause();
        // the internal provider: what TrafficCop routes itself (ping, redirections), even with no other provider
        watcher.publish(new ProviderConfiguration("internal", JsonNodeFactory.instance.objectNode(), List.of(), List.of()));
        try {
            if (provider != null) {
                provider.start(watcher::publish);
            }
            watcher.resume();
        } catch (ProviderException e) {
            server.close();
            watcher.close();
            acme.close();
            registries.close();
            if (accessLog != null) {
                accessLog.close();
            }
            throw e;
        }
        return new TrafficCop(server, watcher, provider, registries, acme, accessLog);
    }

    /** Reopens the access log file (Traefik's SIGUSR1, after logrotate moved it); nothing without access log. */
    public void rotateAccessLog() {
        if (accessLog != null) {
            accessLog.rotate();
        }
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
        acme.close();
        server.shutdown();
        watcher.close();
        registries.close();
        if (accessLog != null) {
            accessLog.close(); // after the server: the requests it finished are logged
        }
        LOG.info("stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** Traefik's {@code accessLog} (present, even empty, enables it); null when absent. */
    private static AccessLogger accessLogger(StaticConfiguration config) {
        if (config.accessLog() == null) {
            return null;
        }
        Set<String> disabled = new HashSet<>();
        if (config.entryPoints() != null) {
            config.entryPoints().forEach((name, ep) -> {
                if (ep.observability() != null && Boolean.FALSE.equals(ep.observability().accessLogs())) {
                    disabled.add(name);
                }
            });
        }
        try {
            return AccessLogger.create(config.accessLog(), disabled);
        } catch (java.io.UncheckedIOException e) {
            // as Traefik: serve without an access log rather than not at all
            LOG.warn("Unable to create access logger: {}", e.getMessage());
            return null;
        }
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
