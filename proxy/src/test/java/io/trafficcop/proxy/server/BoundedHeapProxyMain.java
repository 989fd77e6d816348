package io.trafficcop.proxy.server;

import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.util.List;
import java.util.Map;

/** A whoami backend behind the proxy in one JVM, for {@link BoundedHeapIT} to start with a small heap. */
public final class BoundedHeapProxyMain {

    private BoundedHeapProxyMain() {
    }

    public static void main(String[] args) throws Exception {
        WhoamiServer backend = new WhoamiServer("bounded").start("127.0.0.1", 0);
        ProxyServer proxy = new ProxyServer(2);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), new Snapshot(Map.of("web",
                new TestRoutes().any("bounded@test", Services.loadBalancer("bounded", backend.url())))));
        System.out.println("READY " + proxy.boundPort("web"));
        System.out.flush();
        System.in.read(); // the test closes our stdin to stop us
        proxy.shutdown();
        backend.close();
    }
}
