package io.trafficcop.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The proxy (and its whoami backend) in a child JVM limited to a 96 MiB heap and 96 MiB of direct memory:
 * a chunked upload echoed back and a download, 1 GiB each,
 * pass through — nothing is aggregated, or the child would run out of memory.
 */
class BoundedHeapIT {

    /** What the data-plane issue asks: 1 GiB each way through a 96 MiB heap. */
    static final long SIZE = 1L << 30;

    static Process child;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        child = new ProcessBuilder(List.of(java, "-Xmx96m", "-XX:MaxDirectMemorySize=96m",
                "-Dio.netty.leakDetection.level=disabled", "-cp", System.getProperty("java.class.path"),
                BoundedHeapProxyMain.class.getName()))
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("READY ")) {
                port = Integer.parseInt(line.substring(6).trim());
                break;
            }
        }
        assertThat(port).as("child proxy started").isPositive();
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep draining the child's logs
    }

    @AfterAll
    static void stop() throws Exception {
        child.getOutputStream().close();
        if (!child.waitFor(20, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
    }

    @Test
    void streamsALargeChunkedUploadAndItsEchoThroughA96MiBHeap() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write("POST /echo-body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[128 * 1024];
                    byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    for (long sent = 0; sent < SIZE; sent += chunk.length) {
                        out.write(size);
                        out.write(chunk);
                        out.write('\r');
                        out.write('\n');
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 256 * 1024);
            assertThat(StreamingIT.readLine(in)).isEqualTo("HTTP/1.1 200 OK");
            while (!StreamingIT.readLine(in).isEmpty()) {
                // headers
            }
            long total = 0;
            byte[] buf = new byte[256 * 1024];
            while (true) {
                int size = Integer.parseInt(StreamingIT.readLine(in).trim(), 16);
                if (size == 0) {
                    break;
                }
                for (int left = size; left > 0; ) {
                    int n = in.read(buf, 0, Math.min(left, buf.length));
                    assertThat(n).isPositive();
                    left -= n;
                }
                StreamingIT.readLine(in);
                total += size;
            }
            writer.join();
            assertThat(total).isEqualTo(SIZE);
        }
    }

    @Test
    void streamsALargeDownloadThroughA96MiBHeap() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /data?size=" + SIZE + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream(), 256 * 1024);
            assertThat(StreamingIT.readLine(in)).isEqualTo("HTTP/1.1 200 OK");
            long length = -1;
            for (String line; !(line = StreamingIT.readLine(in)).isEmpty(); ) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Long.parseLong(line.substring(15).trim());
                }
            }
            assertThat(length).isEqualTo(SIZE);
            in.skipNBytes(length);
        }
    }
}
