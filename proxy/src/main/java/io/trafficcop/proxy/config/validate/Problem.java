package io.trafficcop.proxy.config.validate;

/**
 * One problem found in a configuration, printed as {@code <file>[:<line>]: <config path>: <message>}.
 *
 * @param file the file it was found in (or the source, such as {@code flags} or {@code environment})
 * @param line 1-based line, or 0 when unknown
 * @param path the configuration path, such as {@code http.routers.r.middelwares}
 * @param message what is wrong
 */
public record Problem(String file, int line, String path, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        return sb.append(": ").append(path.isEmpty() ? "(root)" : path).append(": ").append(message).toString();
    }
}
