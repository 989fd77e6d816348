package io.trafficcop.proxy.observability.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** accessLog.filePath and accessLog.bufferingSize: lines in order, directories created, appended, reopened. */
class AccessLogWriterTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "bufferingSize {0}")
    @ValueSource(longs = {0, 1, 100})
    void writesEveryEntryInOrderAndFlushesOnClose(long bufferingSize) throws Exception {
        Path file = dir.resolve("a/b/access.log");
        try (var writer = new AccessLogWriter(file.toString(), bufferingSize, AccessLogFormat.GENERIC_CLF)) {
            for (int i = 0; i < 50; i++) {
                writer.submit(Map.of("RequestPath", "/" + i));
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add("- - - [-] \"- /" + i + " -\" - - \"-\" \"-\"");
        }
        assertThat(Files.readAllLines(file)).isEqualTo(expected);
    }

    @Test
    void appendsToAnExistingFile() throws Exception {
        Path file = Files.writeString(dir.resolve("access.log"), "earlier\n");
        try (var writer = new AccessLogWriter(file.toString(), 0, AccessLogFormat.GENERIC_CLF)) {
            writer.submit(Map.of("RequestPath", "/new"));
        }
        assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo("earlier");
    }

    @Test
    void reopensTheFileOnRotate() throws Exception {
        Path file = dir.resolve("access.log");
        Path moved = dir.resolve("access.log.1");
        try (var writer = new AccessLogWriter(file.toString(), 0, AccessLogFormat.GENERIC_CLF)) {
            writer.submit(Map.of("RequestPath", "/before"));
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file) && Files.size(file) > 0);
            Files.move(file, moved); // logrotate
            writer.rotate();
            writer.submit(Map.of("RequestPath", "/after"));
        }
        assertThat(Files.readString(moved)).contains("/before").doesNotContain("/after");
        assertThat(Files.readString(file)).contains("/after").doesNotContain("/before");
    }

    @Test
    void refusesAFileItCannotOpen() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> new AccessLogWriter(notADirectory.resolve("access.log").toString(), 0,
                AccessLogFormat.COMMON)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("error opening access log file");
    }

    @Test
    void refusesANegativeBufferingSize() {
        assertThatThrownBy(() -> new AccessLogWriter(null, -1, AccessLogFormat.COMMON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accessLog.bufferingSize");
    }
}
