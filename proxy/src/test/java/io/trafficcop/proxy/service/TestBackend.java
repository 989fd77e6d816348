package io.trafficcop.proxy.service;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny real HTTP backend for service tests (the JDK's HttpServer): answers "name" on every path, /health with a
 * switchable status, /status/NNN with that status, counts requests and keeps the bodies it received.
 */
public final class TestBackend implements AutoCloseable {

    private final String name;
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger healthChecks = new AtomicInteger();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private volatile int healthStatus = 200;
    private volatile int status = 200;
    private volatile long delayMillis;
    private volatile String lastHealthRequest;

    public TestBackend(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] in = exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/moved")) {
                    exchange.getResponseHeaders().set("Location", "/health");
                    exchange.sendResponseHeaders(302, -1);
                    return;
                }
                if (path.equals("/health")) {
                    healthChecks.incrementAndGet();
                    lastHealthRequest = exchange.getRequestMethod() + " " + exchange.getRequestHeaders()
                            .getFirst("Host") + " " + exchange.getRequestHeaders().getFirst("X-Check");
                    exchange.sendResponseHeaders(healthStatus, -1);
                    return;
                }
                requests.incrementAndGet();
                bodies.add(new String(in, StandardCharsets.UTF_8));
                if (delayMillis > 0) {
                    // a slow backend for leasttime; the test never waits on this
                    TimeUnit.MILLISECONDS.sleep(delayMillis);
                }
                byte[] out = name.getBytes(StandardCharsets.UTF_8);
                int code = path.startsWith("/status/") ? Integer.parseInt(path.substring(8)) : status;
                exchange.sendResponseHeaders(code, out.length);
                exchange.getResponseBody().write(out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int requests() {
        return requests.get();
    }

    public int healthChecks() {
        return healthChecks.get();
    }

    /** "METHOD host x-check-header" of the last health check received. */
    public String lastHealthRequest() {
        return lastHealthRequest;
    }

    public List<String> bodies() {
        return bodies;
    }

    public TestBackend healthStatus(int value) {
        this.healthStatus = value;
        return this;
    }

    public TestBackend status(int value) {
        this.status = value;
        return this;
    }

    public TestBackend delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
