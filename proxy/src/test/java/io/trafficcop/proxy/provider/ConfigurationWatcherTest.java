package io.trafficcop.proxy.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ConfigurationWatcherTest {

    private static ProviderConfiguration config(String provider, int version) {
        return new ProviderConfiguration(provider, JsonNodeFactory.instance.objectNode().put("v", version),
                List.of(), List.of());
    }

    @Test
    void appliesTheFirstAtOnceThenOnlyTheLatestAfterTheThrottle() {
        CopyOnWriteArrayList<Map<String, ProviderConfiguration>> applied = new CopyOnWriteArrayList<>();
        try (ConfigurationWatcher watcher = new ConfigurationWatcher(Duration.ofMillis(300), applied::add)) {
            watcher.publish(config("file", 1));
            watcher.publish(config("file", 2));
            watcher.publish(config("file", 3));
            await().atMost(Duration.ofSeconds(10)).until(() -> applied.size() == 2);
            assertThat(applied).map(all -> all.get("file").tree().get("v").asInt()).containsExactly(1, 3);
        }
    }

    @Test
    void keepsTheLatestOfEveryProvider() {
        CopyOnWriteArrayList<Map<String, ProviderConfiguration>> applied = new CopyOnWriteArrayList<>();
        try (ConfigurationWatcher watcher = new ConfigurationWatcher(Duration.ZERO, applied::add)) {
            watcher.publish(config("file", 1));
            watcher.publish(config("internal", 7));
            await().atMost(Duration.ofSeconds(10)).until(() -> applied.size() == 2);
            assertThat(applied.getLast()).containsOnlyKeys("file", "internal");
        }
    }

    @Test
    void appliesWhatWasPublishedWhilePausedOnceOnResume() {
        CopyOnWriteArrayList<Map<String, ProviderConfiguration>> applied = new CopyOnWriteArrayList<>();
        try (ConfigurationWatcher watcher = new ConfigurationWatcher(Duration.ofMillis(300), applied::add)) {
            watcher.pause();
            watcher.publish(config("internal", 1));
            watcher.publish(config("file", 1));
            watcher.publish(config("file", 2));
            watcher.resume();
            watcher.publish(config("file", 3)); // inside the throttle period the resume started: applied after it
            await().atMost(Duration.ofSeconds(10)).until(() -> applied.size() == 2);
            assertThat(applied.getFirst()).containsOnlyKeys("internal", "file");
            assertThat(applied.getFirst().get("file").tree().get("v").asInt()).isEqualTo(2);
            assertThat(applied.getLast().get("file").tree().get("v").asInt()).isEqualTo(3);
        }
    }

    @Test
    void aResumeWithNothingPublishedAppliesNothing() {
        CopyOnWriteArrayList<Map<String, ProviderConfiguration>> applied = new CopyOnWriteArrayList<>();
        try (ConfigurationWatcher watcher = new ConfigurationWatcher(Duration.ZERO, applied::add)) {
            watcher.pause();
            watcher.resume();
            watcher.publish(config("file", 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> applied.size() == 1);
            assertThat(applied.getFirst()).containsOnlyKeys("file");
        }
    }
}
