package io.trafficcop.proxy.config.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticConfigLoaderTest {

    @TempDir
    Path dir;

    private StaticConfigFinder finderIn(Path cwd, Map<String, String> env) {
        return new StaticConfigFinder(dir.resolve("etc-traefik"), cwd, env);
    }

    private StaticConfigLoader.Loaded load(String configFile, List<String> flags, Map<String, String> env) {
        return StaticConfigLoader.load(configFile, flags, env, finderIn(dir.resolve("cwd"), env),
                SampleSchema.Root.class, TestDynamicSchema.Root.class);
    }

    @Test
    void aFileWinsOverFlagsAndEnvironmentWhichAreNotMerged() throws Exception {
        Path file = Files.writeString(dir.resolve("traefik.yml"), "log:\n  level: WARN\n");
        StaticConfigLoader.Loaded loaded = load(file.toString(), List.of("--api.insecure=true"),
                Map.of("TRAEFIK_LOG_LEVEL", "DEBUG"));
        assertThat(loaded.source()).isEqualTo(file.toString());
        SampleSchema.Root root = ConfigBinder.bind(loaded.document().tree(), SampleSchema.Root.class);
        assertThat(root.log().level()).isEqualTo("WARN");
        assertThat(root.api()).isNull();
    }

    @Test
    void flagsWinOverTheEnvironmentWhenThereIsNoFile() {
        StaticConfigLoader.Loaded loaded = load(null, List.of("--log.level=INFO"), Map.of("TRAEFIK_LOG_LEVEL", "DEBUG"));
        assertThat(loaded.source()).isEqualTo("flags");
        assertThat(ConfigBinder.bind(loaded.document().tree(), SampleSchema.Root.class).log().level()).isEqualTo("INFO");
    }

    @Test
    void theEnvironmentIsUsedWhenThereIsNothingElse() {
        StaticConfigLoader.Loaded loaded = load(null, List.of(), Map.of("TRAEFIK_LOG_LEVEL", "DEBUG"));
        assertThat(loaded.source()).isEqualTo("environment");
        assertThat(ConfigBinder.bind(loaded.document().tree(), SampleSchema.Root.class).log().level()).isEqualTo("DEBUG");
    }

    @Test
    void defaultsWhenNoSourceAtAll() {
        assertThat(load(null, List.of(), Map.of()).source()).isEqualTo("defaults");
    }

    @Test
    void searchesTraefiksLocationsInOrder() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/.config"));
        Path xdg = Files.createDirectories(dir.resolve("xdg"));
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        Map<String, String> env = Map.of("HOME", dir.resolve("home").toString(), "XDG_CONFIG_HOME", xdg.toString());
        StaticConfigFinder finder = finderIn(cwd, env);
        assertThat(finder.find()).isEmpty();
        Files.writeString(cwd.resolve("traefik.yml"), "");
        assertThat(finder.find()).contains(cwd.resolve("traefik.yml"));
        Files.writeString(home.resolve("traefik.yaml"), "");
        assertThat(finder.find()).contains(home.resolve("traefik.yaml"));
        Files.writeString(xdg.resolve("traefik.toml"), "");
        assertThat(finder.find()).contains(xdg.resolve("traefik.toml"));
        Files.createDirectories(dir.resolve("etc-traefik"));
        Files.writeString(dir.resolve("etc-traefik/traefik.yml"), "");
        assertThat(finder.find()).contains(dir.resolve("etc-traefik/traefik.yml"));
    }

    @Test
    void dynamicSectionsOfAStaticFileAreSplitOff() throws Exception {
        Path file = Files.writeString(dir.resolve("all-in-one.yml"), """
                log:
                  level: INFO
                http:
                  routers:
                    r:
                      rule: "Path(`/`)"
                      sevice: s
                """);
        StaticConfigLoader.Loaded loaded = load(file.toString(), List.of(), Map.of());
        assertThat(loaded.document().errors()).isEmpty();
        assertThat(loaded.inlineDynamic()).hasValueSatisfying(inline -> assertThat(inline.errors())
                .singleElement().hasToString(file + ":7: http.routers.r.sevice: unknown field"));
    }

    @Test
    void aNamedFileThatDoesNotExistIsAnError() {
        assertThat(load(dir.resolve("nope.yml").toString(), List.of(), Map.of()).errors())
                .anySatisfy(problem -> assertThat(problem.message()).isEqualTo("configuration file not found"));
    }
}
