package io.trafficcop.proxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.load.StaticConfigFinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line as a user runs it: flags, exit codes and what it prints. */
class TrafficCopCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.isBlank() ? List.of() : Arrays.asList(out.strip().split("\\R"));
        }
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = TrafficCopCommand.commandLine(
                new TrafficCopCommand(env, new StaticConfigFinder(dir.resolve("etc"), dir.resolve("cwd"), env)));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path reference(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/traefik-reference/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"static.reference.yaml", "static.reference.toml"})
    void theStaticReferenceHasNoUnknownField(String name) throws Exception {
        Run run = run(Map.of(), "--configFile=" + reference(name), "--validate");
        assertThat(run.out()).doesNotContain("unknown field")
                .contains(dir.resolve(name) + ":37: entryPoints.EntryPoint0.address: invalid address \"foobar\"".replace(":37:", name.endsWith("toml") ? ":32:" : ":37:"))
                .contains("foobar: providers.file.filename: no such file");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "toml"})
    void theDynamicReferenceHasNoUnknownField(String format) throws Exception {
        Path dynamic = reference("dynamic.reference." + format);
        Path staticFile = Files.writeString(dir.resolve("traefik.yml"),
                "providers:\n  file:\n    filename: " + dynamic + "\n");
        Run run = run(Map.of(), "-c", staticFile.toString(), "--validate");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("unknown field").contains(dynamic + ":");
    }

    @Test
    void reportsEveryProblemOnePerLineAndExitsOne() throws Exception {
        Path dynamic = Files.writeString(dir.resolve("dynamic.yml"), """
                http:
                  routers:
                    r:
                      rule: "Host(`a`) && PathPrefx(`/x`)"
                      service: missing
                      middelwares: [x]
                """);
        Path staticFile = Files.writeString(dir.resolve("traefik.yml"), """
                entryPoints:
                  web:
                    address: ":8080"
                providers:
                  file:
                    filename: %s
                """.formatted(dynamic));
        Run run = run(Map.of(), "--configFile=" + staticFile, "--validate");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly(
                dynamic + ":6: http.routers.r.middelwares: unknown field",
                dynamic + ":4: http.routers.r.rule: parsing rule Host(`a`) && PathPrefx(`/x`): unsupported function: PathPrefx",
                dynamic + ":5: http.routers.r.service: service \"missing@file\" does not exist");
        assertThat(run.err()).contains("3 errors");
    }

    @Test
    void aValidConfigurationExitsZero() throws Exception {
        Path staticFile = Files.writeString(dir.resolve("traefik.yml"), """
                entryPoints:
                  web:
                    address: ":8080"
                http:
                  routers:
                    r:
                      rule: "PathPrefix(`/`)"
                      service: s
                  services:
                    s:
                      loadBalancer:
                        servers:
                          - url: http://127.0.0.1:8081
                """);
        Run run = run(Map.of(), "--configFile", staticFile.toString(), "--validate");
        assertThat(run.outLines()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("configuration is valid");
    }

    @Test
    void validatesFlagsWhenThereIsNoFile() {
        Run run = run(Map.of(), "--entryPoints.web.address=:8081", "--entryPoints.web.adress=:1", "--validate");
        assertThat(run.outLines()).containsExactly("flags: entryPoints.web.adress: unknown field");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void validatesTheEnvironmentWhenThereIsNothingElse() {
        Run run = run(Map.of("TRAEFIK_ENTRYPOINTS_WEB_ADDRESS", "8081"), "--validate");
        assertThat(run.outLines()).containsExactly(
                "environment: entryPoints.web.address: invalid address \"8081\": missing port (e.g. \":80\")");
    }

    @Test
    void theShortConfigFileOptionAndCaseInsensitiveNames() throws Exception {
        Path staticFile = Files.writeString(dir.resolve("traefik.toml"), "[entryPoints.web]\n  address = \":80\"\n");
        assertThat(run(Map.of(), "-c", staticFile.toString(), "--validate").exitCode()).isZero();
        assertThat(run(Map.of(), "--configfile=" + staticFile, "--VALIDATE").exitCode()).isZero();
    }

    @Test
    void versionAndHelp() {
        assertThat(run(Map.of(), "--version").out()).startsWith("TrafficCop ");
        assertThat(run(Map.of(), "version").out()).startsWith("TrafficCop ");
        Run help = run(Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--configFile", "--validate");
        assertThat(run(Map.of(), "--help-options").out()).contains("--entryPoints.<name>.address=<value>",
                "--providers.file.directory=<value>", "--api.insecure=<true|false>", "--log.level=<value>");
    }
}
