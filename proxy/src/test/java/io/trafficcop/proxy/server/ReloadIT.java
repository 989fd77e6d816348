package io.trafficcop.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A new snapshot every 100 ms while clients keep sending requests: no request fails, both configurations serve. */
class ReloadIT {

    @Test
    void reloadsEvery100MillisecondsWithoutFailingARequest() throws Exception {
        LeakCheck.paranoid();
        try (WhoamiServer alpha = new WhoamiServer("alpha").start("127.0.0.1", 0);
             WhoamiServer beta = new WhoamiServer("beta").start("127.0.0.1", 0);
             HttpClient client = TestClients.http1()) {
            ProxyServer proxy = new ProxyServer(2);
            proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), snapshot(0, alpha, beta));
            AtomicInteger reloads = new AtomicInteger();
            ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor();
            reloader.scheduleAtFixedRate(() -> proxy.apply(snapshot(reloads.incrementAndGet(), alpha, beta)),
                    100, 100, TimeUnit.MILLISECONDS);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> served = new ConcurrentLinkedQueue<>();
            URI uri = URI.create("http://127.0.0.1:" + proxy.boundPort("web") + "/");
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                clients.add(Thread.ofVirtual().start(() -> {
                    int done = 0;
                    while (reloads.get() < 10 || done < 50) {
                        try {
                            var response = client.send(HttpRequest.newBuilder(uri).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200) {
                                failures.add(response.statusCode() + " " + response.body());
                            } else {
                                served.add(response.body().contains("Name: alpha") ? "alpha" : "beta");
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                        done++;
                    }
                }));
            }
            for (Thread t : clients) {
                t.join();
            }
            reloader.shutdownNow();
            reloader.awaitTermination(5, TimeUnit.SECONDS);
            proxy.shutdown();
            assertThat(failures).isEmpty();
            assertThat(served).contains("alpha", "beta");
        }
    }

    /** Even generations route to alpha, odd ones to beta: each reload really changes the routing. */
    private static Snapshot snapshot(int generation, WhoamiServer alpha, WhoamiServer beta) {
        WhoamiServer target = generation % 2 == 0 ? alpha : beta;
        return new Snapshot(Map.of("web", new TestRoutes().any("r@test",
                Services.loadBalancer("svc" + generation, target.url()))));
    }
}
