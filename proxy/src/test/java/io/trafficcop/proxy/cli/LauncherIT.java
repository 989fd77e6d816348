package io.trafficcop.proxy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/trafficcop}, the launcher users and the benchmark run, with its default JVM flags: a flag the JVM rejects
 * (or a compiler directives file it cannot parse) would stop every start. The jar it launches is a manifest-only jar
 * whose Class-Path is this test's class path, since the shaded jar is built after the tests.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("..", "bin", "trafficcop").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void startsTheProxyWithTheDefaultFlagsAndKeepsVmMessagesOffStdout() throws Exception {
        HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            byte[] body = "from the backend\n".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        backend.start();
        try {
            int web = freePort();
            Path config = Files.writeString(dir.resolve("traefik.yml"), """
                    entryPoints:
                      web:
                        address: "127.0.0.1:%d"
                    log:
                      level: INFO
                    http:
                      routers:
                        r:
                          rule: "PathPrefix(`/`)"
                          service: s
                      services:
                        s:
                          loadBalancer:
                            servers:
                              - url: "http://127.0.0.1:%d"
                    """.formatted(web, backend.getAddress().getPort()));
            process = launcher("--configFile=" + config).start();

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web + "/")).build();
            // a JVM that rejects a flag exits at once: stop waiting then, and show why
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> !process.isAlive()
                    || client.send(request, HttpResponse.BodyHandlers.ofString()).body().equals("from the backend\n"));
            assertThat(process.isAlive()).as(Files.readString(dir.resolve("err.log"))).isTrue();

            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(dir.resolve("out.log")))
                    .contains("configuration loaded", "stopped")
                    .doesNotContain("compiler directives", "VM warning");
            assertThat(Files.readString(dir.resolve("err.log")))
                    .contains("compiler directives added")
                    .doesNotContain("VM warning", "Exception");
        } finally {
            backend.stop(0);
        }
    }

    @Test
    void validatesAConfigurationWithTheSameFlags() throws Exception {
        Path config = Files.writeString(dir.resolve("traefik.yml"), """
                entryPoints:
                  web:
                    address: ":0"
                """);
        process = launcher("--validate", "--configFile=" + config).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("err.log"))).isZero();
    }

    private ProcessBuilder launcher(String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(concat(LAUNCHER.toString(), args))
                .redirectOutput(dir.resolve("out.log").toFile())
                .redirectError(dir.resolve("err.log").toFile());
        builder.environment().put("TRAFFICCOP_JAR", classPathJar().toString());
        // the archive would be written next to the jar at exit: seconds of dumping that this test does not check
        builder.environment().put("TRAFFICCOP_CDS", "off");
        builder.environment().remove("TRAFFICCOP_JAVA_OPTS");
        return builder;
    }

    /** A jar with only a manifest: TrafficCop's main class, and this test's class path as its Class-Path. */
    private Path classPathJar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, TrafficCopCommand.class.getName());
        main.put(new Attributes.Name("Enable-Native-Access"), "ALL-UNNAMED");
        main.put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString())
                .collect(Collectors.joining(" ")));
        Path jar = dir.resolve("trafficcop.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    private static List<String> concat(String first, String... rest) {
        return Stream.concat(Stream.of(first), Arrays.stream(rest)).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
