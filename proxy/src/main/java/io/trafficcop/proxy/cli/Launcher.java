package io.trafficcop.proxy.cli;

import io.trafficcop.proxy.config.load.StaticConfigLoader;
import io.trafficcop.proxy.config.validate.Problem;
import java.io.PrintWriter;
import java.util.Map;

/** Starts the proxy from a loaded static configuration and runs it until it is told to stop. */
final class Launcher {

    private Launcher() {
    }

    static int run(StaticConfigLoader.Loaded loaded, Map<String, String> environment, PrintWriter err) {
        if (!loaded.errors().isEmpty()) {
            for (Problem problem : loaded.errors()) {
                err.println(problem);
            }
            err.println("the static configuration is invalid: not starting");
            err.flush();
            return 1;
        }
        err.println("the data plane is not wired yet");
        err.flush();
        return 1;
    }
}
