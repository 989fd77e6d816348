package io.trafficcop.proxy.middleware.compress;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import com.github.luben.zstd.ZstdInputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.trafficcop.proxy.config.dynamic.Compress;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestClients;
import io.trafficcop.proxy.testing.TestRoutes;
import io.trafficcop.proxy.whoami.WhoamiServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** compress through the real proxy with a whoami backend and a handler answering whole responses itself. */
class CompressMiddlewareIT {

    static final String TEXT = "compress me please ".repeat(100);

    static ProxyServer proxy;
    static HttpClient client;
    static WhoamiServer whoami;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        Brotli4jLoader.ensureAvailability();
        client = TestClients.http1();
        whoami = new WhoamiServer("compress").start("127.0.0.1", 0);
        HttpHandler backend = Services.loadBalancer("whoami", whoami.url());
        HttpHandler text = exchange -> {
            var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    ByteBufUtil.writeUtf8(exchange.context().alloc(), TEXT));
            response.headers().set("Content-Type", "text/plain; charset=utf-8");
            response.headers().setInt("Content-Length", response.content().readableBytes());
            exchange.respond(response);
        };
        HttpHandler encoded = exchange -> {
            var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    ByteBufUtil.writeUtf8(exchange.context().alloc(), TEXT));
            response.headers().set("Content-Encoding", "identity-ish");
            response.headers().setInt("Content-Length", response.content().readableBytes());
            exchange.respond(response);
        };
        Compress defaults = new Compress(null, null, null, null, null);
        TestRoutes routes = new TestRoutes()
                .host("data.test", "data@test", CompressMiddleware.create("c", defaults).wrap(backend))
                .host("text.test", "text@test", CompressMiddleware.create("c", defaults).wrap(text))
                .host("encoded.test", "encoded@test", CompressMiddleware.create("c", defaults).wrap(encoded))
                .host("default.test", "default@test", CompressMiddleware.create("c",
                        new Compress(null, null, null, null, "zstd")).wrap(text));
        proxy = new ProxyServer(1);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), new Snapshot(Map.of("web", routes)));
    }

    @AfterAll
    static void stop() {
        proxy.shutdown();
        whoami.close();
        client.close();
    }

    private static HttpResponse<byte[]> get(String host, String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.boundPort("web") + path))
                .header("Host", host);
        if (acceptEncoding != null) {
            b.header("Accept-Encoding", acceptEncoding);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] decode(String encoding, byte[] body) throws IOException {
        InputStream in = switch (encoding) {
            case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
            case "br" -> new BrotliInputStream(new ByteArrayInputStream(body));
            case "zstd" -> new ZstdInputStream(new ByteArrayInputStream(body));
            default -> new ByteArrayInputStream(body);
        };
        try (in) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "gzip|gzip", "br|br", "zstd|zstd", "gzip, br, zstd|gzip", "br;q=0.5, zstd|zstd", "*|gzip",
    })
    void streamedBackendResponseIsCompressed(String acceptEncoding, String expected) throws Exception {
        byte[] plain = get("data.test", "/data?size=200000", "identity").body();
        HttpResponse<byte[]> response = get("data.test", "/data?size=200000", acceptEncoding);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-encoding")).hasValue(expected);
        assertThat(response.headers().firstValue("content-length")).isEmpty();
        assertThat(response.headers().allValues("vary")).contains("Accept-Encoding");
        assertThat(decode(expected, response.body())).isEqualTo(plain);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gzip", "br", "zstd"})
    void wholeResponseIsCompressed(String encoding) throws Exception {
        HttpResponse<byte[]> response = get("text.test", "/", encoding);

        assertThat(response.headers().firstValue("content-encoding")).hasValue(encoding);
        assertThat(new String(decode(encoding, response.body()), StandardCharsets.UTF_8)).isEqualTo(TEXT);
        assertThat(response.headers().firstValue("content-length")).hasValue(String.valueOf(response.body().length));
    }

    @Test
    void smallResponseIsNotCompressedButVaries() throws Exception {
        HttpResponse<byte[]> response = get("data.test", "/", "gzip");

        assertThat(response.headers().firstValue("content-encoding")).isEmpty();
        assertThat(response.headers().allValues("vary")).contains("Accept-Encoding");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("GET / HTTP/1.1");
    }

    @Test
    void alreadyEncodedResponseIsNotCompressedTwice() throws Exception {
        HttpResponse<byte[]> response = get("encoded.test", "/", "gzip");

        assertThat(response.headers().firstValue("content-encoding")).hasValue("identity-ish");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(TEXT);
    }

    @Test
    void withoutAcceptEncodingOnlyTheDefaultEncodingApplies() throws Exception {
        assertThat(get("text.test", "/", null).headers().firstValue("content-encoding")).isEmpty();
        HttpResponse<byte[]> response = get("default.test", "/", null);
        assertThat(response.headers().firstValue("content-encoding")).hasValue("zstd");
        assertThat(new String(decode("zstd", response.body()), StandardCharsets.UTF_8)).isEqualTo(TEXT);
    }

    @Test
    void headRequestsAreLeftAlone() throws Exception {
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + proxy.boundPort("web") + "/data?size=5000"))
                .header("Host", "data.test").header("Accept-Encoding", "gzip")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("content-encoding")).isEmpty();
    }
}
