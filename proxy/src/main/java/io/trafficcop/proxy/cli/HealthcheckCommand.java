package io.trafficcop.proxy.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code trafficcop healthcheck}, as {@code traefik healthcheck}: asks the running proxy's /ping. */
@Command(name = "healthcheck", description = "Calls the ping endpoint of a running TrafficCop; exits 0 when healthy.")
final class HealthcheckCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return 1;
    }
}
