package io.trafficcop.proxy.cli;

import io.trafficcop.proxy.TrafficCop;
import io.trafficcop.proxy.config.install.EffectiveConfiguration;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.load.ConfigBinder;
import io.trafficcop.proxy.config.load.StaticConfigLoader;
import io.trafficcop.proxy.config.validate.Problem;
import io.trafficcop.proxy.config.validate.StaticValidator;
import io.trafficcop.proxy.observability.LogSettings;
import io.trafficcop.proxy.observability.Logging;
import io.trafficcop.proxy.provider.ProviderException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the proxy from a loaded static configuration and runs it until SIGTERM or SIGINT. */
final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private Launcher() {
    }

    static int run(StaticConfigLoader.Loaded loaded, Map<String, String> environment, PrintWriter err) {
        List<Problem> errors = new ArrayList<>(loaded.document().errors());
        StaticConfiguration config = null;
        if (loaded.document().parsed()) {
            config = EffectiveConfiguration.of(ConfigBinder.bind(loaded.document().tree(), StaticConfiguration.class));
            errors.addAll(StaticValidator.validate(config, path -> new io.trafficcop.proxy.config.validate.Location(
                    loaded.source(), 0)));
        }
        if (!errors.isEmpty() || config == null) {
            errors.forEach(err::println);
            err.println("the static configuration is invalid: not starting");
            err.flush();
            return 1;
        }
        var log = config.log();
        Logging.configure(log == null ? LogSettings.DEFAULT
                : new LogSettings(log.level(), log.format(), log.filePath(), Boolean.TRUE.equals(log.noColor())));
        LOG.info("TrafficCop {}: configuration loaded from {}", Version.current(), loaded.source());
        loaded.warnings().forEach(problem -> LOG.warn("{}", problem));
        try {
            return serve(config, loaded, environment);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException | ProviderException e) {
            LOG.error("cannot start: {}", e.getMessage(), e);
            return 1;
        }
    }

    private static int serve(StaticConfiguration config, StaticConfigLoader.Loaded loaded, Map<String, String> environment)
            throws InterruptedException, ProviderException {
        TrafficCop trafficCop = TrafficCop.start(config, loaded, environment);
        CountDownLatch stopped = new CountDownLatch(1);
        ShutdownSignals.onLogRotation(trafficCop::rotateAccessLog);
        ShutdownSignals.onTermination(() -> {
            trafficCop.stop();
            stopped.countDown();
        });
        stopped.await();
        return 0;
    }
}
