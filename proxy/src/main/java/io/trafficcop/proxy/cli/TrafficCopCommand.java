package io.trafficcop.proxy.cli;

import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.load.StaticConfigFinder;
import io.trafficcop.proxy.config.load.StaticConfigLoader;
import io.trafficcop.proxy.config.validate.ConfigValidator;
import io.trafficcop.proxy.config.validate.Problem;
import io.trafficcop.proxy.config.validate.ValidationReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code trafficcop}: Traefik's command line. The static configuration comes from {@code --configFile}
 * (or Traefik's default locations), else from flags such as {@code --entryPoints.web.address=:8081}, else
 * from {@code TRAEFIK_*} environment variables — one source only, as in Traefik.
 */
@Command(name = "trafficcop", mixinStandardHelpOptions = true, versionProvider = Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"TrafficCop: a drop-in replacement for Traefik v3, on Netty.", "",
                "Every option of Traefik's static configuration is accepted as a flag (run --help-options to "
                        + "list them) and as a TRAEFIK_* environment variable."},
        subcommands = {VersionCommand.class, WhoamiCommand.class, HealthcheckCommand.class})
public final class TrafficCopCommand implements Callable<Integer> {

    @Option(names = {"--configFile", "-c"}, paramLabel = "PATH",
            description = "Static configuration file (YAML or TOML). Default: traefik.{toml,yaml,yml} in "
                    + "/etc/traefik/, $XDG_CONFIG_HOME/, $HOME/.config/ or the working directory.")
    String configFile;

    @Option(names = "--validate",
            description = "Load the static configuration and every dynamic configuration it reaches, print every "
                    + "problem as <file>[:<line>]: <path>: <message>, and exit 0 when valid, 1 when not.")
    boolean validate;

    @Option(names = "--help-options", description = "List every static configuration option as a flag.")
    boolean helpOptions;

    @Unmatched
    List<String> staticFlags = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;
    private final StaticConfigFinder finder;

    public TrafficCopCommand() {
        this(System.getenv(), StaticConfigFinder.system());
    }

    TrafficCopCommand(Map<String, String> environment, StaticConfigFinder finder) {
        this.environment = environment;
        this.finder = finder;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new TrafficCopCommand()).execute(args));
    }

    /** The configured picocli command line: options match without case, as Traefik's flags do. */
    public static CommandLine commandLine(TrafficCopCommand command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOptionsCaseInsensitive(true);
        commandLine.setSubcommandsCaseInsensitive(true);
        commandLine.setUnmatchedOptionsArePositionalParams(false);
        commandLine.setUnmatchedArgumentsAllowed(true);
        return commandLine;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (helpOptions) {
            StaticFlagCatalog.flags(StaticConfiguration.class).forEach(out::println);
            out.flush();
            return 0;
        }
        StaticConfigLoader.Loaded loaded = StaticConfigLoader.load(configFile, staticFlags, environment, finder,
                StaticConfiguration.class, DynamicConfiguration.class);
        if (validate) {
            return printValidation(ConfigValidator.validate(loaded, environment), out, err);
        }
        return Launcher.run(loaded, environment, err);
    }

    private static int printValidation(ValidationReport report, PrintWriter out, PrintWriter err) {
        for (Problem problem : report.errors()) {
            out.println(problem);
        }
        for (Problem problem : report.warnings()) {
            out.println(new Problem(problem.file(), problem.line(), problem.path(), "warning: " + problem.message()));
        }
        out.flush();
        if (report.valid()) {
            err.println("configuration is valid" + (report.warnings().isEmpty() ? ""
                    : " (" + report.warnings().size() + " warning" + (report.warnings().size() == 1 ? "" : "s") + ")"));
        } else {
            err.println(report.errors().size() + " error" + (report.errors().size() == 1 ? "" : "s")
                    + " in the configuration");
        }
        err.flush();
        return report.valid() ? 0 : 1;
    }
}
