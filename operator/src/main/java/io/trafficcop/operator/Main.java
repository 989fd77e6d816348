package io.trafficcop.operator;

import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.trafficcop.operator.reconciler.ProxyConfigGate;
import io.trafficcop.operator.reconciler.TrafficCopReconciler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Starts the TrafficCop operator in the cluster it runs in. Environment: {@code WATCH_NAMESPACES}
 * (comma-separated; empty = all namespaces), {@code HEALTH_PORT} (default 8081, serving /healthz and /readyz),
 * {@code LEADER_ELECTION} and {@code POD_NAMESPACE} (a Lease in that namespace), {@code TRAFFICCOP_PROXY_IMAGE}
 * (the default proxy image), {@code LOG_LEVEL}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        String podNamespace = System.getenv("POD_NAMESPACE");
        boolean leaderElection = Boolean.parseBoolean(System.getenv().getOrDefault("LEADER_ELECTION", "false"));
        Operator operator = new Operator(o -> {
            o.withStopOnInformerErrorDuringStartup(true);
            if (leaderElection && podNamespace != null) {
                // One active replica; the others wait on the Lease and take over when it expires.
                o.withLeaderElectionConfiguration(new LeaderElectionConfiguration("trafficcop-operator", podNamespace));
            }
        });
        Set<String> namespaces = Arrays.stream(System.getenv().getOrDefault("WATCH_NAMESPACES", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        operator.register(new TrafficCopReconciler(new ProxyConfigGate()), c -> {
            if (!namespaces.isEmpty()) {
                c.settingNamespaces(namespaces);
            }
        });
        operator.installShutdownHook(Duration.ofSeconds(10));
        operator.start();
        serveHealth(operator, Integer.parseInt(System.getenv().getOrDefault("HEALTH_PORT", "8081")));
    }

    /** Liveness and readiness for the operator's own Deployment: healthy when every informer is. */
    private static void serveHealth(Operator operator, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        for (String path : new String[] {"/healthz", "/readyz"}) {
            server.createContext(path, exchange -> {
                boolean healthy = operator.getRuntimeInfo().allEventSourcesAreHealthy();
                byte[] body = (healthy ? "ok" : "unhealthy").getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(healthy ? 200 : 503, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
        }
        server.start();
    }
}
