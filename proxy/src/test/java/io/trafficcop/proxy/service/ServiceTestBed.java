package io.trafficcop.proxy.service;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.dynamic.HealthCheck;
import io.trafficcop.proxy.config.dynamic.LoadBalancer;
import io.trafficcop.proxy.config.dynamic.Server;
import io.trafficcop.proxy.config.dynamic.Service;
import io.trafficcop.proxy.config.dynamic.ServiceHealthCheck;
import io.trafficcop.proxy.config.dynamic.Sticky;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A proxy serving services built from configuration records, routed by Host, for the service ITs. */
public final class ServiceTestBed implements AutoCloseable {

    private final ProxyServer proxy = new ProxyServer(2);
    private final HttpClient client = TestClients.http1();

    public ServiceTestBed start(Map<String, HttpService> byHost) throws InterruptedException {
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), snapshot(byHost));
        return this;
    }

    /** Swaps in a new snapshot (a reload). */
    public void apply(Map<String, HttpService> byHost) {
        proxy.apply(snapshot(byHost));
    }

    private static Snapshot snapshot(Map<String, HttpService> byHost) {
        TestRoutes routes = new TestRoutes();
        byHost.forEach((host, service) -> routes.host(host, host + "@test", service));
        return new Snapshot(Map.of("web", routes));
    }

    public HttpResponse<String> get(String host, String path, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort("web") + path))
                .header("Host", host);
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String host, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort("web") + path))
                .header("Host", host).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        proxy.shutdown();
        client.close();
    }

    // ---- configuration records -----------------------------------------------------------------------------------

    public static Service lb(LoadBalancer lb) {
        return new Service(lb, null, null, null, null, null);
    }

    public static LoadBalancer servers(String strategy, Server... servers) {
        return new LoadBalancer(null, Arrays.asList(servers), strategy, null, null, null, null, null);
    }

    public static Server server(String url, int weight) {
        return new Server(url, weight, null);
    }

    public static LoadBalancer withSticky(LoadBalancer lb, io.trafficcop.proxy.config.dynamic.Cookie cookie) {
        return new LoadBalancer(new Sticky(cookie), lb.servers(), lb.strategy(), lb.healthCheck(),
                lb.passiveHealthCheck(), lb.passHostHeader(), lb.responseForwarding(), lb.serversTransport());
    }

    public static LoadBalancer withHealthCheck(LoadBalancer lb, String path, long intervalMillis) {
        HealthCheck hc = new HealthCheck(null, null, path, null, null, null, GoDuration.ofMillis(intervalMillis),
                null, GoDuration.ofMillis(1000), null, null, null);
        return new LoadBalancer(lb.sticky(), lb.servers(), lb.strategy(), hc, lb.passiveHealthCheck(),
                lb.passHostHeader(), lb.responseForwarding(), lb.serversTransport());
    }

    public static ServiceHealthCheck propagate() {
        return new ServiceHealthCheck();
    }
}
