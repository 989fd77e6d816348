package io.trafficcop.proxy.provider.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.trafficcop.proxy.config.load.TestDynamicSchema;
import io.trafficcop.proxy.config.validate.Problem;
import io.trafficcop.proxy.provider.ProviderConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file provider on a real directory, with real file-system events. */
class FileProviderIT {

    @TempDir
    Path dir;

    private final CopyOnWriteArrayList<ProviderConfiguration> published = new CopyOnWriteArrayList<>();
    private FileProvider provider;

    @AfterEach
    void close() {
        if (provider != null) {
            provider.close();
        }
    }

    private static String router(String rule) {
        return "http:\n  routers:\n    r:\n      rule: \"" + rule + "\"\n      service: s\n";
    }

    private String latestRule() {
        if (published.isEmpty()) {
            return null;
        }
        JsonNode rule = published.getLast().tree().at("/http/routers/r/rule");
        return rule.isMissingNode() ? null : rule.asText();
    }

    private void start(Path filename, Path directory) throws Exception {
        provider = new FileProvider(filename, directory, true, TestDynamicSchema.Root.class, Map.of());
        provider.start(published::add);
    }

    @Test
    void reloadsAfterAnEditInPlace() throws Exception {
        Path file = dir.resolve("dynamic.yml");
        Files.writeString(file, router("Path(`/a`)"));
        start(file, null);
        assertThat(latestRule()).isEqualTo("Path(`/a`)");
        Files.writeString(file, router("Path(`/b`)"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Path(`/b`)".equals(latestRule()));
    }

    @Test
    void reloadsAfterAnAtomicRename() throws Exception {
        Path file = dir.resolve("dynamic.yml");
        Files.writeString(file, router("Path(`/a`)"));
        start(file, null);
        Path temp = dir.resolve(".dynamic.yml.swp");
        Files.writeString(temp, router("Path(`/renamed`)"));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        await().atMost(Duration.ofSeconds(20)).until(() -> "Path(`/renamed`)".equals(latestRule()));
    }

    /** The layout the kubelet gives a mounted ConfigMap, and its atomic update. */
    @Test
    void reloadsAfterAKubernetesConfigMapSwap() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("config"));
        Path first = Files.createDirectory(mount.resolve("..2026_11_22_10_00_00.000000001"));
        Files.writeString(first.resolve("dynamic.yml"), router("Path(`/v1`)"));
        Files.createSymbolicLink(mount.resolve("..data"), first.getFileName());
        Files.createSymbolicLink(mount.resolve("dynamic.yml"), Path.of("..data/dynamic.yml"));

        start(null, mount);
        assertThat(latestRule()).isEqualTo("Path(`/v1`)");
        assertThat(published.getLast().errors()).isEmpty();

        Path second = Files.createDirectory(mount.resolve("..2026_11_22_10_05_00.000000002"));
        Files.writeString(second.resolve("dynamic.yml"), router("Path(`/v2`)"));
        Path tempLink = Files.createSymbolicLink(mount.resolve("..data_tmp"), second.getFileName());
        Files.move(tempLink, mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(first.resolve("dynamic.yml"));
        Files.delete(first);

        await().atMost(Duration.ofSeconds(20)).until(() -> "Path(`/v2`)".equals(latestRule()));
        assertThat(published.getLast().errors()).isEmpty();
    }

    @Test
    void readsADirectoryRecursivelyWithMixedFormats() throws Exception {
        Files.writeString(dir.resolve("routers.yml"), router("Path(`/a`)"));
        Path sub = Files.createDirectories(dir.resolve("sub/deeper"));
        Files.writeString(sub.resolve("more.toml"), "[http.routers.t]\n  rule = \"Path(`/t`)\"\n  service = \"s\"\n");
        Files.writeString(dir.resolve("notes.txt"), "not configuration");
        provider = new FileProvider(null, dir, false, TestDynamicSchema.Root.class, Map.of());
        ProviderConfiguration loaded = provider.load();
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.tree().at("/http/routers").properties()).map(Map.Entry::getKey).containsExactlyInAnyOrder("r", "t");
    }

    @Test
    void aResourceDefinedDifferentlyInTwoFilesIsDroppedAndIdenticalOnesKept() throws Exception {
        Files.writeString(dir.resolve("a.yml"), router("Path(`/a`)") + "    same:\n      rule: \"Path(`/same`)\"\n");
        Files.writeString(dir.resolve("b.yml"), router("Path(`/b`)") + "    same:\n      rule: \"Path(`/same`)\"\n");
        provider = new FileProvider(null, dir, false, TestDynamicSchema.Root.class, Map.of());
        ProviderConfiguration loaded = provider.load();
        assertThat(loaded.tree().at("/http/routers").properties()).map(Map.Entry::getKey).containsExactly("same");
        assertThat(loaded.errors()).map(Problem::path).containsExactly("http.routers.r");
    }

    @Test
    void aFileThatDoesNotParseIsReportedWithItsLine() throws Exception {
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, "http:\n  routers:\n    r: [unclosed\n");
        provider = new FileProvider(file, null, false, TestDynamicSchema.Root.class, Map.of());
        assertThat(provider.load().errors()).singleElement()
                .satisfies(problem -> assertThat(problem.toString()).startsWith(file + ":"));
    }
}
