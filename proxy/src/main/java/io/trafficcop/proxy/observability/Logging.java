package io.trafficcop.proxy.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** Applies Traefik's {@code log} section to logback: level, {@code common}/{@code json} format, file. */
public final class Logging {

    private Logging() {
    }

    /** Maps Traefik's level names; FATAL and PANIC log errors only, as the closest logback level. */
    public static Level levelOf(String traefikLevel) {
        if (traefikLevel == null || traefikLevel.isEmpty()) {
            return Level.ERROR;
        }
        return switch (traefikLevel.toUpperCase(Locale.ROOT)) {
            case "TRACE" -> Level.TRACE;
            case "DEBUG" -> Level.DEBUG;
            case "INFO" -> Level.INFO;
            case "WARN", "WARNING" -> Level.WARN;
            case "ERROR", "FATAL", "PANIC" -> Level.ERROR;
            default -> throw new IllegalArgumentException("invalid log level \"" + traefikLevel
                    + "\": use TRACE, DEBUG, INFO, WARN, ERROR, FATAL or PANIC");
        };
    }

    public static void configure(LogSettings settings) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            configure(context, settings);
        }
    }

    /** Applies {@code settings} to {@code context} (replacing the root logger's appenders). */
    public static void configure(LoggerContext context, LogSettings settings) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = levelOf(settings.level());
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        TraefikLogLayout layout = new TraefikLogLayout("json".equalsIgnoreCase(settings.format()));
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.setContext(context);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender;
        if (settings.filePath() != null && !settings.filePath().isEmpty()) {
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setFile(settings.filePath());
            file.setAppend(true);
            appender = file;
        } else {
            appender = new ConsoleAppender<>();
        }
        appender.setName("traefik");
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        root.setLevel(level);
        // Netty is chatty at DEBUG about its own internals; keep it one step quieter unless tracing
        context.getLogger("io.netty").setLevel(level == Level.TRACE ? Level.TRACE : Level.toLevel(Math.max(level.toInt(), Level.INFO_INT)));
    }
}
