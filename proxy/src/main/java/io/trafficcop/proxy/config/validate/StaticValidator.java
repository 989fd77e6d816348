package io.trafficcop.proxy.config.validate;

import io.trafficcop.proxy.config.install.EntryPoint;
import io.trafficcop.proxy.config.install.FileProvider;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.observability.Logging;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Checks the values of a static configuration that the schema alone cannot. */
public final class StaticValidator {

    private StaticValidator() {
    }

    /**
     * @param locate where a path was written
     */
    public static List<Problem> validate(StaticConfiguration config, Function<String, Location> locate) {
        List<Problem> problems = new ArrayList<>();
        if (config.entryPoints() != null) {
            for (Map.Entry<String, EntryPoint> entry : config.entryPoints().entrySet()) {
                String path = "entryPoints." + entry.getKey() + ".address";
                String address = entry.getValue().address();
                try {
                    ListenAddress.parse(address);
                } catch (IllegalArgumentException e) {
                    problems.add(locate.apply(path).problem(path, e.getMessage()));
                }
                checkCidrs(problems, locate, "entryPoints." + entry.getKey() + ".forwardedHeaders.trustedIPs",
                        entry.getValue().forwardedHeaders() == null ? null : entry.getValue().forwardedHeaders().trustedIPs());
            }
        }
        if (config.providers() != null && config.providers().file() != null) {
            FileProvider file = config.providers().file();
            boolean hasFile = file.filename() != null && !file.filename().isEmpty();
            boolean hasDirectory = file.directory() != null && !file.directory().isEmpty();
            if (!hasFile && !hasDirectory) {
                problems.add(locate.apply("providers.file").problem("providers.file",
                        "neither filename nor directory is defined"));
            } else if (hasFile && hasDirectory) {
                problems.add(locate.apply("providers.file").problem("providers.file",
                        "filename and directory are mutually exclusive"));
            }
        }
        if (config.log() != null) {
            try {
                Logging.levelOf(config.log().level());
            } catch (IllegalArgumentException e) {
                problems.add(locate.apply("log.level").problem("log.level", e.getMessage()));
            }
            String format = config.log().format();
            if (format != null && !format.equals("common") && !format.equals("json")) {
                problems.add(locate.apply("log.format").problem("log.format",
                        "invalid log format \"" + format + "\": use common or json"));
            }
        }
        if (config.ping() != null && config.ping().terminatingStatusCode() != null) {
            int code = config.ping().terminatingStatusCode();
            if (code < 100 || code > 599) {
                problems.add(locate.apply("ping.terminatingStatusCode").problem("ping.terminatingStatusCode",
                        "invalid HTTP status code " + code));
            }
        }
        return problems;
    }

    private static void checkCidrs(List<Problem> problems, Function<String, Location> locate, String path,
            List<String> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!Cidr.isValid(values.get(i))) {
                String itemPath = path + "[" + i + "]";
                problems.add(locate.apply(itemPath).problem(itemPath, "invalid IP or CIDR \"" + values.get(i) + "\""));
            }
        }
    }
}
