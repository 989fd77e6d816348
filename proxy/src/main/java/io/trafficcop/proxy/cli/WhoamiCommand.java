package io.trafficcop.proxy.cli;

import io.trafficcop.proxy.whoami.WhoamiServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trafficcop whoami}: a built-in demo backend that echoes each request, as traefik/whoami. */
@Command(name = "whoami", description = "Runs a whoami-style demo backend that echoes each request.")
final class WhoamiCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8081", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--name", defaultValue = "", description = "A name to print in each answer.")
    String name;

    @Override
    public Integer call() throws InterruptedException {
        try (WhoamiServer server = new WhoamiServer(name).start(host, port)) {
            System.out.println("whoami listening on " + server.url());
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
