package io.trafficcop.proxy.testing;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import io.trafficcop.proxy.http.EntryPointContext;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.ExchangeOwner;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.Middleware;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * Runs one request through a middleware on an {@link EmbeddedChannel} (a real {@link Exchange}, no sockets): records
 * what the next handler received (request-target, headers) and what the client got (status, headers, body). The
 * default next handler answers 200 with an empty body; {@link #backend} replaces it.
 */
public final class MiddlewareHarness {

    private final HttpRequest request;
    private boolean secure;
    private HttpHandler backend = respond(HttpResponseStatus.OK, headers -> { });
    private final Recorded recorded = new Recorded();

    private MiddlewareHarness(HttpMethod method, String uri) {
        this.request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri);
        request.headers().set(HttpHeaderNames.HOST, "localhost");
    }

    public static MiddlewareHarness request(String uri) {
        return new MiddlewareHarness(HttpMethod.GET, uri);
    }

    public static MiddlewareHarness request(HttpMethod method, String uri) {
        return new MiddlewareHarness(method, uri);
    }

    public MiddlewareHarness header(CharSequence name, String value) {
        request.headers().add(name, value);
        return this;
    }

    public MiddlewareHarness host(String host) {
        if (host == null) {
            request.headers().remove(HttpHeaderNames.HOST);
        } else {
            request.headers().set(HttpHeaderNames.HOST, host);
        }
        return this;
    }

    public MiddlewareHarness secure(boolean value) {
        this.secure = value;
        return this;
    }

    /** The handler behind the middleware (the "service"). */
    public MiddlewareHarness backend(HttpHandler handler) {
        this.backend = handler;
        return this;
    }

    /** A backend answering {@code status} with an empty body and the headers {@code headers} sets. */
    public static HttpHandler respond(HttpResponseStatus status, Consumer<HttpHeaders> headers) {
        return exchange -> {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
            headers.accept(response.headers());
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            exchange.respond(response);
        };
    }

    /** A backend streaming a head without Content-Length, then {@code body} as one chunk and the last chunk. */
    public static HttpHandler stream(HttpResponseStatus status, Consumer<HttpHeaders> headers, String body) {
        return exchange -> {
            var head = new io.netty.handler.codec.http.DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
            headers.accept(head.headers());
            exchange.writeResponseHead(head);
            if (!body.isEmpty()) {
                exchange.writeResponseContent(new io.netty.handler.codec.http.DefaultHttpContent(
                        Unpooled.copiedBuffer(body, CharsetUtil.UTF_8)));
            }
            exchange.writeResponseContent(LastHttpContent.EMPTY_LAST_CONTENT);
            exchange.flushResponse();
        };
    }

    public Recorded run(Middleware middleware) {
        return run(middleware.wrap(recording(backend)));
    }

    public Recorded run(HttpHandler handler) {
        EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
        try {
            ChannelHandlerContext ctx = channel.pipeline().firstContext();
            var entryPoint = new EntryPointContext(EntryPointSettings.of("web", "127.0.0.1:0"), "proxy-host");
            Exchange exchange = new Exchange(ctx, new NoOwner(), request, entryPoint,
                    new InetSocketAddress("10.0.0.1", 40000), "10.0.0.1", false, secure);
            exchange.onRequestContent(LastHttpContent.EMPTY_LAST_CONTENT);
            handler.handle(exchange);
            channel.runPendingTasks();
            Object message;
            StringBuilder body = new StringBuilder();
            while ((message = channel.readOutbound()) != null) {
                try {
                    if (message instanceof HttpResponse response) {
                        recorded.status = response.status().code();
                        recorded.responseHeaders = new DefaultHttpHeaders().add(response.headers());
                        recorded.responded = true;
                    }
                    if (message instanceof HttpContent content) {
                        body.append(content.content().toString(CharsetUtil.UTF_8));
                    }
                } finally {
                    ReferenceCountUtil.release(message);
                }
            }
            recorded.body = body.toString();
            return recorded;
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private HttpHandler recording(HttpHandler next) {
        return exchange -> {
            recorded.nextCalled = true;
            recorded.uri = exchange.request().uri();
            recorded.requestHeaders = new DefaultHttpHeaders().add(exchange.request().headers());
            next.handle(exchange);
        };
    }

    /** What happened to the request. */
    public static final class Recorded {
        public boolean nextCalled;
        public String uri;
        public HttpHeaders requestHeaders = new DefaultHttpHeaders();
        public boolean responded;
        public int status;
        public HttpHeaders responseHeaders = new DefaultHttpHeaders();
        public String body = "";

        public String requestHeader(CharSequence name) {
            return requestHeaders.get(name);
        }

        public String responseHeader(CharSequence name) {
            return responseHeaders.get(name);
        }

        @Override
        public String toString() {
            return "next=" + nextCalled + " uri=" + uri + " status=" + status + " headers=" + responseHeaders
                    + " body=" + ByteBufUtil.hexDump(body.getBytes(CharsetUtil.UTF_8));
        }
    }

    private static final class NoOwner implements ExchangeOwner {
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
    }
}
