package io.trafficcop.proxy.config.validate;

/** Where a configuration value was written: a file (or flags, environment) and a 1-based line, 0 if unknown. */
public record Location(String file, int line) {

    public static final Location UNKNOWN = new Location("configuration", 0);

    public Problem problem(String path, String message) {
        return new Problem(file, line, path, message);
    }
}
