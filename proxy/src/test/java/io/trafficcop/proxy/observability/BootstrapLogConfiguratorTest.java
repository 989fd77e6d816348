package io.trafficcop.proxy.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BootstrapLogConfiguratorTest {

    @ParameterizedTest(name = "class path resource {0}: configures in code = {1}")
    @CsvSource({
        "none,             true",
        "logback.xml,      false",
        "logback-test.xml, false",
    })
    void configuresInCodeUnlessAnXmlConfigurationIsThere(String resource, boolean inCode) {
        LoggerContext context = new LoggerContext();
        BootstrapLogConfigurator configurator = new BootstrapLogConfigurator(Set.of(resource)::contains);
        configurator.setContext(context);
        ExecutionStatus status = configurator.configure(context);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (inCode) {
            assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            assertThat(root.getLevel()).isEqualTo(Level.INFO);
            assertThat(root.getAppender("traefik")).isInstanceOf(ConsoleAppender.class);
            assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
        } else {
            assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(root.getAppender("traefik")).isNull();
        }
        context.stop();
    }
}
