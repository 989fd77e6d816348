package io.trafficcop.proxy.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

class LoggingTest {

    @TempDir
    Path dir;

    @AfterEach
    void restore() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ch.qos.logback.classic.util.ContextInitializer(context).autoConfig();
    }

    @ParameterizedTest
    @CsvSource({"TRACE,TRACE", "DEBUG,DEBUG", "INFO,INFO", "WARN,WARN", "ERROR,ERROR", "FATAL,ERROR", "PANIC,ERROR",
            "debug,DEBUG", ",ERROR"})
    void mapsTraefiksLevels(String traefik, String logback) {
        assertThat(Logging.levelOf(traefik)).isEqualTo(Level.toLevel(logback));
    }

    @Test
    void rejectsAnUnknownLevel() {
        assertThatThrownBy(() -> Logging.levelOf("LOUD")).hasMessageContaining("invalid log level \"LOUD\"");
    }

    private static LoggingEvent event(Level level, String message) {
        LoggingEvent event = new LoggingEvent();
        event.setLevel(level);
        event.setMessage(message);
        event.setLoggerName("io.trafficcop.test");
        event.setTimeStamp(0);
        return event;
    }

    @Test
    void commonFormatIsZerologsConsoleForm() {
        assertThat(new TraefikLogLayout(false).doLayout(event(Level.WARN, "hello")))
                .isEqualTo("1970-01-01T00:00:00Z WRN hello" + System.lineSeparator());
    }

    @Test
    void jsonFormatIsZerologsJson() {
        assertThat(new TraefikLogLayout(true).doLayout(event(Level.INFO, "a \"quoted\"\nline")))
                .isEqualTo("{\"level\":\"info\",\"time\":\"1970-01-01T00:00:00Z\",\"logger\":\"io.trafficcop.test\","
                        + "\"message\":\"a \\\"quoted\\\"\\nline\"}" + System.lineSeparator());
    }

    @Test
    void writesToTheConfiguredFileAtTheConfiguredLevel() throws Exception {
        Path file = dir.resolve("traefik.log");
        Logging.configure(new LogSettings("INFO", "json", file.toString(), false));
        LoggerFactory.getLogger("io.trafficcop.test").debug("not shown");
        LoggerFactory.getLogger("io.trafficcop.test").info("shown");
        assertThat(Files.readString(file)).contains("\"message\":\"shown\"").doesNotContain("not shown");
    }
}
