package io.trafficcop.proxy.observability.accesslog;

import io.trafficcop.proxy.config.install.AccessLog;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.ExchangeObserver;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Traefik's access log (static {@code accessLog}): one entry per exchange of every entry point whose
 * {@code observability.accessLogs} is on, written when the exchange is over — response written, aborted, or the
 * client gone (status 499). Requests served by TrafficCop's own routers ({@code @internal}: ping, ...) are left out
 * unless {@code accessLog.addInternals}. Plug it into the data plane with {@code ProxyServer.exchangeObserver(logger)}.
 */
public final class AccessLogger implements ExchangeObserver, AutoCloseable {

    private final AccessLogFieldPolicy fields;
    private final AccessLogFilter filter;
    private final Consumer<Map<String, Object>> sink;
    private final Runnable onClose;
    private Runnable onRotate = () -> { };
    private final Set<String> disabledEntryPoints;
    private final boolean addInternals;
    private final AtomicLong requestCount = new AtomicLong();

    /**
     * @param config the {@code accessLog} section
     * @param disabledEntryPoints entry points whose {@code observability.accessLogs} is false
     * @throws IllegalArgumentException naming the option when the configuration is invalid
     * @throws java.io.UncheckedIOException when {@code filePath} cannot be opened
     */
    public static AccessLogger create(AccessLog config, Set<String> disabledEntryPoints) {
        long buffering = config.bufferingSize() == null ? 0 : config.bufferingSize();
        AccessLogWriter writer = new AccessLogWriter(config.filePath(), buffering, AccessLogFormat.of(config.format()));
        return new AccessLogger(config, disabledEntryPoints, writer);
    }

    /** An access logger writing through {@code writer} (which it closes). */
    public AccessLogger(AccessLog config, Set<String> disabledEntryPoints, AccessLogWriter writer) {
        this(config, disabledEntryPoints, writer::submit, writer::close);
        this.onRotate = writer::rotate;
    }

    /** An access logger handing each entry's fields to {@code sink} on the event loop (tests). */
    AccessLogger(AccessLog config, Set<String> disabledEntryPoints, Consumer<Map<String, Object>> sink,
                 Runnable onClose) {
        this.sink = sink;
        this.onClose = onClose;
        this.fields = new AccessLogFieldPolicy(config.fields());
        this.filter = new AccessLogFilter(config.filters());
        this.disabledEntryPoints = disabledEntryPoints == null ? Set.of() : Set.copyOf(disabledEntryPoints);
        this.addInternals = Boolean.TRUE.equals(config.addInternals());
    }

    @Override
    public void onExchange(Exchange exchange) {
        // recorded even on an entry point with access logs off: a router may turn them on (decided at the end)
        boolean entryPointEnabled = !disabledEntryPoints.contains(exchange.entryPoint().name());
        AccessLogRecorder recorder = new AccessLogRecorder(exchange, fields, filter, sink,
                requestCount.incrementAndGet(), addInternals, entryPointEnabled);
        exchange.addResponseInterceptor(recorder);
        exchange.addCompletionListener(recorder);
    }

    /** Reopens the log file (Traefik's SIGUSR1), after the entries already queued. */
    public void rotate() {
        onRotate.run();
    }

    /** Writes the entries still queued and closes the file. */
    @Override
    public void close() {
        onClose.run();
    }
}
