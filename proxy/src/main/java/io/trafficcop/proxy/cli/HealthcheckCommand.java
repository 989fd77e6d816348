package io.trafficcop.proxy.cli;

import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.install.EffectiveConfiguration;
import io.trafficcop.proxy.config.install.EntryPoint;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.load.ConfigBinder;
import io.trafficcop.proxy.config.load.StaticConfigFinder;
import io.trafficcop.proxy.config.load.StaticConfigLoader;
import io.trafficcop.proxy.config.validate.ListenAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;

/**
 * {@code trafficcop healthcheck}, as {@code traefik healthcheck}: reads the same static configuration as the
 * proxy, calls {@code /ping} on the ping entry point, and exits 0 when it answers 200 (for container health
 * checks).
 */
@Command(name = "healthcheck", description = "Calls the ping endpoint of a running TrafficCop; exits 0 when healthy.")
final class HealthcheckCommand implements Callable<Integer> {

    @Option(names = {"--configFile", "-c"}, paramLabel = "PATH", description = "Static configuration file.")
    String configFile;

    @Unmatched
    List<String> staticFlags = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StaticConfigLoader.Loaded loaded = StaticConfigLoader.load(configFile, staticFlags, System.getenv(),
                StaticConfigFinder.system(), StaticConfiguration.class, DynamicConfiguration.class);
        StaticConfiguration config = EffectiveConfiguration.of(ConfigBinder.bind(loaded.document().tree(),
                StaticConfiguration.class));
        if (config.ping() == null) {
            spec.commandLine().getErr().println("please enable `ping` to use the health check");
            return 1;
        }
        EntryPoint entryPoint = config.entryPoints() == null ? null : config.entryPoints().get(config.ping().entryPoint());
        if (entryPoint == null) {
            spec.commandLine().getErr().println("ping: missing entry point " + config.ping().entryPoint());
            return 1;
        }
        ListenAddress address = ListenAddress.parse(entryPoint.address());
        String host = address.host().isEmpty() || address.host().equals("0.0.0.0") ? "127.0.0.1"
                : address.host().contains(":") ? "[" + address.host() + "]" : address.host();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://" + host + ":" + address.port() + "/ping")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        spec.commandLine().getOut().println(response.statusCode() == 200 ? "OK: " + response.uri()
                : "Bad healthcheck status: " + response.statusCode());
        spec.commandLine().getOut().flush();
        return response.statusCode() == 200 ? 0 : 1;
    }
}
