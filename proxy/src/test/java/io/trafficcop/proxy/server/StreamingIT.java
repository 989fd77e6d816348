package io.trafficcop.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bodies stream through the proxy both ways without being aggregated: 256 MiB up and down by default (1 GiB with
 * {@code -Dtrafficcop.test.bigBodies=true}) while the buffers held by Netty stay bounded; a slow reader stops the
 * backend instead of filling the proxy's memory.
 */
class StreamingIT {

    static final long SIZE = Boolean.getBoolean("trafficcop.test.bigBodies") ? 1L << 30 : 256L << 20;
    static final long MEMORY_BOUND = 48L << 20;

    static WhoamiServer backend;
    static ProxyServer proxy;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        backend = new WhoamiServer("stream").start("127.0.0.1", 0);
        proxy = new ProxyServer(2);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")),
                new Snapshot(Map.of("web", new TestRoutes().any("stream@test",
                        Services.loadBalancer("stream", backend.url())))));
        client = TestClients.http1();
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        backend.close();
        client.close();
    }

    static long usedBufferMemory() {
        var metric = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        return metric.usedDirectMemory() + metric.usedHeapMemory();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + proxy.boundPort("web") + path);
    }

    @Test
    void downloadsALargeBodyWithBoundedMemory() throws Exception {
        var response = client.send(HttpRequest.newBuilder(uri("/data?size=" + SIZE)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long max = 0;
        long total = 0;
        byte[] buf = new byte[256 * 1024];
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if ((total & ((8 << 20) - 1)) < n) {
                    max = Math.max(max, usedBufferMemory());
                }
            }
        }
        assertThat(total).isEqualTo(SIZE);
        assertThat(max).isLessThan(MEMORY_BOUND);
    }

    @Test
    void uploadsAChunkedBodyAndStreamsTheEchoBackWithBoundedMemory() throws Exception {
        // a raw socket: the JDK client sends the whole body before reading, which back-pressure (rightly) stalls
        AtomicLong max = new AtomicLong();
        try (Socket socket = new Socket("127.0.0.1", proxy.boundPort("web"))) {
            OutputStream out = socket.getOutputStream();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write("POST /echo-body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[128 * 1024];
                    java.util.Arrays.fill(chunk, (byte) 'x');
                    byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    for (long sent = 0; sent < SIZE; sent += chunk.length) {
                        out.write(size);
                        out.write(chunk);
                        out.write('\r');
                        out.write('\n');
                        if ((sent & ((8 << 20) - 1)) == 0) {
                            max.accumulateAndGet(usedBufferMemory(), Math::max);
                        }
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            var in = new java.io.BufferedInputStream(socket.getInputStream(), 256 * 1024);
            String status = readLine(in);
            assertThat(status).isEqualTo("HTTP/1.1 200 OK");
            boolean chunked = false;
            for (String line; !(line = readLine(in)).isEmpty(); ) {
                chunked |= line.equalsIgnoreCase("transfer-encoding: chunked");
            }
            assertThat(chunked).isTrue();
            long total = 0;
            byte[] buf = new byte[256 * 1024];
            while (true) {
                int size = Integer.parseInt(readLine(in).trim(), 16);
                if (size == 0) {
                    readLine(in);
                    break;
                }
                for (int left = size; left > 0; ) {
                    int n = in.read(buf, 0, Math.min(left, buf.length));
                    assertThat(n).isPositive();
                    left -= n;
                }
                readLine(in);
                total += size;
            }
            writer.join();
            assertThat(total).isEqualTo(SIZE);
            assertThat(max.get()).isLessThan(MEMORY_BOUND);
        }
    }

    static String readLine(InputStream in) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    @Test
    void aSlowReaderStopsTheBackendInsteadOfBufferingInTheProxy() throws Exception {
        long size = 256L << 20;
        long before = backend.dataBytesWritten();
        try (Socket socket = new Socket("127.0.0.1", proxy.boundPort("web"))) {
            socket.setReceiveBufferSize(64 * 1024);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /data?size=" + size + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[64 * 1024];
            long read = in.readNBytes(buf, 0, buf.length);
            // the client stops reading: the backend must stall once the socket buffers and watermarks are full
            AtomicLong last = new AtomicLong(-1);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
                long now = backend.dataBytesWritten();
                return now == last.getAndSet(now);
            });
            assertThat(backend.dataBytesWritten() - before).isLessThan(size / 4);
            assertThat(usedBufferMemory()).isLessThan(MEMORY_BOUND);
            int n;
            while ((n = in.read(buf)) > 0) {
                read += n;
                if (read > size) {
                    break; // headers were part of the first read: stop at the body's end
                }
            }
            assertThat(read).isGreaterThan(size);
        }
    }

    /** size bytes of a pattern, calling a probe every 8 MiB. */
    static final class PatternStream extends InputStream {
        private long remaining;
        private final Runnable probe;
        private long sinceProbe;

        PatternStream(long size, Runnable probe) {
            this.remaining = size;
            this.probe = probe;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            remaining -= n;
            sinceProbe += n;
            if (sinceProbe >= 8 << 20) {
                sinceProbe = 0;
                probe.run();
            }
            return n;
        }
    }
}
