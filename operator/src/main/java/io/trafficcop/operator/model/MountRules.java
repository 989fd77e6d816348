package io.trafficcop.operator.model;

import io.trafficcop.operator.api.v1alpha1.ServicePortSpec;
import io.trafficcop.operator.api.v1alpha1.TrafficCopSpec;
import io.trafficcop.proxy.config.validate.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What a configuration must satisfy to run under the operator, beyond being valid Traefik: ping enabled (the
 * probes call it), the file provider watching the mounted dynamic directory (so dynamic changes apply without a
 * restart), and Service ports naming existing entry points.
 */
public final class MountRules {

    private MountRules() {
    }

    public static List<Problem> check(TrafficCopSpec spec, ProxyConfiguration configuration, StaticConfig config) {
        String file = configuration.staticFileName();
        List<Problem> problems = new ArrayList<>();
        if (config.ping().isEmpty()) {
            problems.add(new Problem(file, 0, "ping",
                    "ping must be enabled (ping: {}): the operator's readiness and liveness probes call /ping"));
        } else if (config.pingEntryPoint().isEmpty()) {
            problems.add(new Problem(file, 0, "ping.entryPoint",
                    "entry point '" + config.ping().get().entryPoint() + "' is not defined in entryPoints"));
        }
        if (!configuration.dynamicFiles().isEmpty()) {
            StaticConfig.FileProvider fp = config.fileProvider().orElse(null);
            if (fp == null || !Defaults.DYNAMIC_DIR.equals(stripSlash(fp.directory()))) {
                problems.add(new Problem(file, 0, "providers.file.directory",
                        "must be " + Defaults.DYNAMIC_DIR + ", where the dynamic configuration is mounted (found "
                                + (fp == null ? "no file provider" : String.valueOf(fp.directory())) + ")"));
            } else if (!fp.watch()) {
                problems.add(new Problem(file, 0, "providers.file.watch",
                        "must be true, so that dynamic changes reach running pods without a restart"));
            }
        }
        List<ServicePortSpec> ports = spec.service == null ? List.of() : spec.service.ports;
        for (int i = 0; i < ports.size(); i++) {
            String ep = ports.get(i).entryPoint;
            if (ep != null && !config.entryPoints().containsKey(ep)) {
                problems.add(new Problem("TrafficCop", 0, "spec.service.ports[" + i + "].entryPoint",
                        "entry point '" + ep + "' is not defined in the static configuration (defined: "
                                + String.join(", ", config.entryPoints().keySet()) + ")"));
            }
        }
        return problems;
    }

    private static String stripSlash(String dir) {
        if (dir == null) {
            return null;
        }
        return dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
    }
}
