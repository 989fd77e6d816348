package io.trafficcop.proxy.tls.acme;

import static org.awaitility.Awaitility.await;

import io.trafficcop.proxy.tls.TestPki;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real ACME server for tests: Debian's {@code pebble} on free loopback ports, validating challenges against
 * the given ports, with {@code pebble-challtestsrv} as its DNS (every name resolves to 127.0.0.1).
 */
final class Pebble implements AutoCloseable {

    static final Path PEBBLE = Path.of("/usr/bin/pebble");
    static final Path CHALLTESTSRV = Path.of("/usr/bin/pebble-challtestsrv");

    final TestPki.Issued ca;
    final int acmePort;
    private final Process pebble;
    private final Process dns;

    static boolean installed() {
        return Files.isExecutable(PEBBLE) && Files.isExecutable(CHALLTESTSRV);
    }

    /**
     * @param httpPort where pebble validates HTTP-01 challenges
     * @param tlsPort where pebble validates TLS-ALPN-01 challenges
     * @param eabKey the MAC key of the external account "kid-1"
     */
    Pebble(Path dir, int httpPort, int tlsPort, String eabKey) throws Exception {
        ca = TestPki.ca("pebble test CA");
        TestPki.Issued cert = TestPki.server(ca, "localhost", "localhost", "127.0.0.1");
        Path certFile = Files.writeString(dir.resolve("pebble.crt"), cert.certPem());
        Path keyFile = Files.writeString(dir.resolve("pebble.key"), cert.keyPem());
        acmePort = freePort();
        int dnsPort = freePort();
        Path config = Files.writeString(dir.resolve("pebble.json"), """
                {"pebble": {"listenAddress": "127.0.0.1:%d", "managementListenAddress": "127.0.0.1:%d",
                 "certificate": "%s", "privateKey": "%s", "httpPort": %d, "tlsPort": %d,
                 "ocspResponderURL": "", "externalAccountBindingRequired": false,
                 "externalAccountMACKeys": {"kid-1": "%s"}}}
                """.formatted(acmePort, freePort(), certFile, keyFile, httpPort, tlsPort, eabKey));
        dns = new ProcessBuilder(CHALLTESTSRV.toString(), "-defaultIPv4", "127.0.0.1", "-defaultIPv6", "",
                "-dns01", "127.0.0.1:" + dnsPort, "-http01", "", "-https01", "", "-tlsalpn01", "",
                "-management", "127.0.0.1:" + freePort())
                .redirectErrorStream(true).redirectOutput(dir.resolve("challtestsrv.log").toFile()).start();
        ProcessBuilder pb = new ProcessBuilder(PEBBLE.toString(), "-config", config.toString(),
                "-dnsserver", "127.0.0.1:" + dnsPort)
                .redirectErrorStream(true).redirectOutput(dir.resolve("pebble.log").toFile());
        pb.environment().put("PEBBLE_VA_NOSLEEP", "1");
        pb.environment().put("PEBBLE_VA_ALWAYS_VALID", "0");
        pb.environment().put("PEBBLE_WFE_NONCEREJECT", "0");
        pebble = pb.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> listening(acmePort) && listening(dnsPort));
    }

    String directoryUrl() {
        return "https://127.0.0.1:" + acmePort + "/dir";
    }

    @Override
    public void close() {
        pebble.destroy();
        dns.destroy();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
