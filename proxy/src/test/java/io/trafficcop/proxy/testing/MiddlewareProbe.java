package io.trafficcop.proxy.testing;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.trafficcop.proxy.http.EntryPointContext;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.ExchangeOwner;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one request through a middleware on an {@link EmbeddedChannel} (Go's {@code httptest.NewRecorder} for our
 * SPI): the next handler records the request it receives and answers 200 "traefik\n" (Traefik's test handler);
 * the response is read back from the channel with its body as a string, buffers released.
 */
public final class MiddlewareProbe {

    /** What the probe saw: the response, and the request as forwarded to next (null when next was not called). */
    public record Result(int status, HttpHeaders headers, String body, HttpHeaders forwarded, Exchange exchange) {

        public boolean nextCalled() {
            return forwarded != null;
        }
    }

    private static final EntryPointContext ENTRY_POINT =
            new EntryPointContext(EntryPointSettings.of("web", "127.0.0.1:0"), "probe");

    private final EmbeddedChannel channel;
    private final ChannelHandlerContext ctx;
    private final List<Exchange> exchanges = new ArrayList<>();

    public MiddlewareProbe() {
        this.channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        this.ctx = channel.pipeline().firstContext();
    }

    public Channel channel() {
        return channel;
    }

    /** Builds a GET request. */
    public static HttpRequest request(String uri, Map<String, String> headers) {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("Host", "localhost");
        headers.forEach(h::set);
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri,
                io.netty.buffer.Unpooled.EMPTY_BUFFER, h, new DefaultHttpHeaders());
    }

    /** Starts the request through {@code middleware} wrapping the recording "traefik" handler. */
    public Pending start(Middleware middleware, HttpRequest request, String remoteIp, HttpHandler next) {
        Pending pending = new Pending();
        HttpHandler recorder = exchange -> {
            pending.forwarded = new DefaultHttpHeaders().set(exchange.request().headers());
            if (next != null) {
                next.handle(exchange);
            } else {
                exchange.respond(HttpResponseStatus.OK, "traefik\n");
            }
        };
        ExchangeOwner owner = new ExchangeOwner() {
            @Override
            public void readRequestBody(Exchange exchange) {
            }

            @Override
            public void exchangeComplete(Exchange exchange, boolean keepAlive) {
            }

            @Override
            public void switchToRelay(Exchange exchange, Channel upstream) {
            }

            @Override
            public boolean terminating() {
                return false;
            }
        };
        InetSocketAddress remote = new InetSocketAddress(remoteIp, 1234);
        Exchange exchange = new Exchange(ctx, owner, request, ENTRY_POINT, remote,
                io.trafficcop.proxy.http.ForwardedHeaders.clientIp(remote.getAddress()), false, false);
        exchange.onRequestContent(LastHttpContent.EMPTY_LAST_CONTENT);
        exchanges.add(exchange);
        pending.exchange = exchange;
        middleware.wrap(recorder).handle(exchange);
        return pending;
    }

    /** A request in progress; {@link #result()} waits (running the channel's tasks) until it is answered. */
    public final class Pending {
        HttpHeaders forwarded;
        Exchange exchange;

        public boolean answered() {
            channel.runPendingTasks();
            return channel.outboundMessages().peek() != null;
        }

        public Exchange exchange() {
            return exchange;
        }

        public Result result() {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .pollInterval(java.time.Duration.ofMillis(1)).until(this::answered);
            Object message = channel.readOutbound();
            FullHttpResponse response = (FullHttpResponse) message;
            try {
                ByteBuf content = response.content();
                return new Result(response.status().code(), response.headers().copy(),
                        content.toString(StandardCharsets.UTF_8), forwarded, exchange);
            } finally {
                response.release();
            }
        }
    }

    /** One request through {@code middleware} from {@code remoteIp}, answered by the "traefik" handler. */
    public static Result run(Middleware middleware, HttpRequest request, String remoteIp) {
        MiddlewareProbe probe = new MiddlewareProbe();
        try {
            return probe.start(middleware, request, remoteIp, null).result();
        } finally {
            probe.close();
        }
    }

    public static Result run(Middleware middleware, Map<String, String> headers) {
        return run(middleware, request("/", headers), "127.0.0.1");
    }

    public void close() {
        channel.finishAndReleaseAll();
    }
}
