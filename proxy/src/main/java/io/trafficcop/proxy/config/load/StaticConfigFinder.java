package io.trafficcop.proxy.config.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the static configuration file as Traefik does when none is named: {@code traefik.toml},
 * {@code traefik.yaml} or {@code traefik.yml} in {@code /etc/traefik/}, {@code $XDG_CONFIG_HOME/},
 * {@code $HOME/.config/} and the working directory, in that order.
 */
public final class StaticConfigFinder {

    private static final List<String> EXTENSIONS = List.of("toml", "yaml", "yml");

    private final Path etc;
    private final Path workingDirectory;
    private final Map<String, String> environment;

    public StaticConfigFinder(Path etc, Path workingDirectory, Map<String, String> environment) {
        this.etc = etc;
        this.workingDirectory = workingDirectory;
        this.environment = environment;
    }

    /** The finder for this process: the real /etc/traefik and working directory. */
    public static StaticConfigFinder system() {
        return new StaticConfigFinder(Path.of("/etc/traefik"), Path.of("").toAbsolutePath(), System.getenv());
    }

    /** The places searched, in order. */
    public List<Path> candidates() {
        List<Path> bases = new ArrayList<>();
        bases.add(etc);
        String xdg = environment.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            bases.add(Path.of(xdg));
        }
        String home = environment.get("HOME");
        if (home != null && !home.isEmpty()) {
            bases.add(Path.of(home, ".config"));
        }
        bases.add(workingDirectory);
        List<Path> candidates = new ArrayList<>();
        for (Path base : bases) {
            for (String extension : EXTENSIONS) {
                candidates.add(base.resolve("traefik." + extension));
            }
        }
        return candidates;
    }

    /** The first candidate that exists. */
    public Optional<Path> find() {
        return candidates().stream().filter(Files::isRegularFile).findFirst();
    }
}
