package io.trafficcop.proxy.observability;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.function.Predicate;

/**
 * Logback's configuration until the static configuration is read (then {@link Logging#configure} applies its
 * {@code log} section): Traefik's common format on standard output, INFO, Netty at WARN.
 *
 * <p>Set up in code, found by logback through {@code META-INF/services}: an XML file would load logback's Joran
 * configurator and the JDK's SAX parser, ~650 classes and 0.2-0.3 CPU-second at start-up for four lines of settings.
 * A {@code logback-test.xml} or {@code logback.xml} on the class path, or {@code -Dlogback.configurationFile}, still
 * wins (the tests use the first).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class BootstrapLogConfigurator extends ContextAwareBase implements Configurator {

    /** Traefik's level before its configuration is read is INFO (its default once read is ERROR). */
    static final LogSettings BOOTSTRAP = new LogSettings("INFO", "common", null, false);

    private final Predicate<String> resourceExists;

    /** Logback instantiates it through {@code META-INF/services}. */
    public BootstrapLogConfigurator() {
        this(BootstrapLogConfigurator::resource);
    }

    BootstrapLogConfigurator(Predicate<String> resourceExists) {
        this.resourceExists = resourceExists;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null
                || resourceExists.test(ClassicConstants.TEST_AUTOCONFIG_FILE)
                || resourceExists.test(ClassicConstants.AUTOCONFIG_FILE)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Logging.configure(context, BOOTSTRAP);
        context.getLogger("io.netty").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static boolean resource(String name) {
        ClassLoader loader = BootstrapLogConfigurator.class.getClassLoader();
        return loader != null && loader.getResource(name) != null;
    }
}
