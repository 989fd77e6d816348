package io.trafficcop.proxy.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.trafficcop.proxy.rule.RoutingRequest;
import io.trafficcop.proxy.runtime.RouterRuntime;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One request/response on a client connection (an HTTP/1.1 request or an HTTP/2 stream), from the request head to
 * the last response byte. Lives on the connection's event loop and is never touched from another thread.
 *
 * <p>The request head is mutable (middlewares and the proxy rewrite it in place); the request body is queued until a
 * {@link RequestBodyConsumer} takes it, then streamed with back-pressure; the response is either a short-circuit
 * ({@link #respond}) or streamed by a producer ({@link #writeResponseHead}, {@link #writeResponseContent}).
 */
public final class Exchange implements RoutingRequest {

    /** Traefik's status for a client that went away before its response was written. */
    public static final int STATUS_CLIENT_CLOSED_REQUEST = 499;

    private final ChannelHandlerContext ctx;
    private final ExchangeOwner owner;
    private final HttpRequest request;
    private final EntryPointContext entryPoint;
    private final InetSocketAddress remoteAddress;
    private final String clientIp;
    private final boolean http2;
    private final boolean secure;
    private final boolean head;
    private final String originalUri;

    private ArrayDeque<HttpContent> pendingBody;
    private RequestBodyConsumer bodyConsumer;
    private boolean requestComplete;
    private ExchangeListener listener;
    private List<ResponseInterceptor> interceptors;
    private List<Runnable> completionListeners;

    private RouterRuntime router;
    private int status;
    private boolean responseStarted;
    private boolean responseComplete;
    private boolean closeAfterResponse;
    private boolean finished;

    // Lazily computed views for routing (the router may ask several times).
    private int queryStart = -2;
    private String canonicalHost;
    private String routingPath;
    private boolean routingPathComputed;

    public Exchange(ChannelHandlerContext ctx, ExchangeOwner owner, HttpRequest request, EntryPointContext entryPoint,
                    InetSocketAddress remoteAddress, String clientIp, boolean http2, boolean secure) {
        this.clientIp = clientIp;
        this.ctx = ctx;
        this.owner = owner;
        this.request = request;
        this.entryPoint = entryPoint;
        this.remoteAddress = remoteAddress;
        this.http2 = http2;
        this.secure = secure;
        this.head = HttpMethod.HEAD.equals(request.method());
        this.originalUri = request.uri();
    }

    // ---- the request -------------------------------------------------------------------------------------------

    /** The request head; its headers and URI may be rewritten in place before forwarding. */
    public HttpRequest request() {
        return request;
    }

    /** The request target as received, before any middleware rewrote it. */
    public String originalUri() {
        return originalUri;
    }

    public EntryPointContext entryPoint() {
        return entryPoint;
    }

    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** The peer's IP as Go prints it (no zone, no brackets), computed once per connection; null if unknown. */
    public String clientIp() {
        return clientIp;
    }

    public boolean isHttp2() {
        return http2;
    }

    /** Whether the client connection is TLS (the scheme of X-Forwarded-Proto). */
    public boolean isSecure() {
        return secure;
    }

    public Channel channel() {
        return ctx.channel();
    }

    public ChannelHandlerContext context() {
        return ctx;
    }

    /** Whether the entry point is shutting down (for ping's terminatingStatusCode). */
    public boolean terminating() {
        return owner.terminating();
    }

    public RouterRuntime router() {
        return router;
    }

    public void router(RouterRuntime value) {
        this.router = value;
    }

    /** Go's req.Host: the absolute-form request target's authority if any, else the Host header (with port). */
    @Override
    public String host() {
        String uri = request.uri();
        if (!uri.isEmpty() && uri.charAt(0) != '/') {
            int scheme = uri.indexOf("://");
            if (scheme > 0) {
                int end = scheme + 3;
                while (end < uri.length() && uri.charAt(end) != '/' && uri.charAt(end) != '?') {
                    end++;
                }
                if (end > scheme + 3) {
                    return uri.substring(scheme + 3, end);
                }
            }
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        return host == null ? "" : host;
    }

    @Override
    public String canonicalHost() {
        if (canonicalHost == null) {
            canonicalHost = RoutingRequest.super.canonicalHost();
        }
        return canonicalHost;
    }

    @Override
    public String routingPath() {
        if (!routingPathComputed) {
            routingPath = RoutingRequest.super.routingPath();
            routingPathComputed = true;
        }
        return routingPath;
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String rawPath() {
        String uri = request.uri();
        int q = queryIndex(uri);
        String path = q < 0 ? uri : uri.substring(0, q);
        if (!path.isEmpty() && path.charAt(0) != '/') {
            // absolute-form (http://host/path): routing sees the path only
            int scheme = path.indexOf("://");
            if (scheme > 0) {
                int slash = path.indexOf('/', scheme + 3);
                return slash < 0 ? "/" : path.substring(slash);
            }
        }
        return path;
    }

    @Override
    public String rawQuery() {
        String uri = request.uri();
        int q = queryIndex(uri);
        return q < 0 ? "" : uri.substring(q + 1);
    }

    private int queryIndex(String uri) {
        if (queryStart == -2 || uri != request.uri()) {
            queryStart = uri.indexOf('?');
        }
        return queryStart;
    }

    @Override
    public String header(String name) {
        return request.headers().get(name);
    }

    @Override
    public List<String> headers(String name) {
        return request.headers().getAll(name);
    }

    @Override
    public InetAddress clientAddress() {
        return remoteAddress.getAddress();
    }

    // ---- the request body --------------------------------------------------------------------------------------

    /** Called by the owner for each body chunk the client sent; ownership passes to the exchange. */
    public void onRequestContent(HttpContent content) {
        if (content instanceof LastHttpContent) {
            requestComplete = true;
        }
        if (bodyConsumer != null) {
            bodyConsumer.onRequestContent(content);
        } else if (finished) {
            content.release();
        } else {
            if (pendingBody == null) {
                pendingBody = new ArrayDeque<>(4);
            }
            pendingBody.add(content);
        }
    }

    /** Called by the owner after each read from the client. */
    public void onRequestReadComplete() {
        if (bodyConsumer != null) {
            bodyConsumer.flushRequestBody();
            if (!requestComplete && bodyConsumer.isWritable()) {
                owner.readRequestBody(this);
            }
        }
    }

    /**
     * Starts streaming the request body into {@code consumer}: queued chunks are handed over at once, then the
     * client is read as fast as the consumer can write.
     */
    public void consumeRequestBody(RequestBodyConsumer consumer) {
        this.bodyConsumer = consumer;
        if (pendingBody != null) {
            HttpContent c;
            while ((c = pendingBody.poll()) != null) {
                consumer.onRequestContent(c);
            }
        }
        consumer.flushRequestBody();
        if (!requestComplete && consumer.isWritable()) {
            owner.readRequestBody(this);
        }
    }

    /** The consumer can take more (it became writable again). */
    public void requestMoreBody() {
        if (!requestComplete && !finished) {
            owner.readRequestBody(this);
        }
    }

    /** Whether the whole request body has been received from the client. */
    public boolean requestComplete() {
        return requestComplete;
    }

    /** Whether the request announces a body (Content-Length > 0 or chunked). */
    public boolean hasRequestBody() {
        if (requestComplete && pendingBody == null && bodyConsumer == null) {
            return false;
        }
        return HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0L;
    }

    // ---- the response ------------------------------------------------------------------------------------------

    public void addResponseInterceptor(ResponseInterceptor interceptor) {
        if (interceptors == null) {
            interceptors = new ArrayList<>(2);
        }
        interceptors.add(interceptor);
    }

    /**
     * Runs {@code listener} once when the exchange is over — response written, aborted, switched to a relay or
     * the client gone (then {@link #status()} is 499). The access log and metrics hook in here.
     */
    public void addCompletionListener(Runnable listener) {
        if (completionListeners == null) {
            completionListeners = new ArrayList<>(2);
        }
        completionListeners.add(listener);
    }

    private void notifyCompletion() {
        if (completionListeners != null) {
            for (int i = 0; i < completionListeners.size(); i++) {
                completionListeners.get(i).run();
            }
        }
    }

    /** Registers the response producer that reacts to client back-pressure and disconnection. */
    public void listener(ExchangeListener value) {
        this.listener = value;
    }

    public boolean responseStarted() {
        return responseStarted;
    }

    public boolean responseComplete() {
        return responseComplete;
    }

    /** The status written (or being written); 499 when the client went away first; 0 before a response. */
    public int status() {
        return status;
    }

    /** Whether the client connection can take more response bytes now. */
    public boolean responseWritable() {
        return ctx.channel().isWritable();
    }

    /** Answers as Go's http.Error: text/plain, X-Content-Type-Options: nosniff, the given body. */
    public void respondError(HttpResponseStatus responseStatus, CharSequence body) {
        respond(responseStatus, body, true);
    }

    /** Answers with a small text/plain response (Traefik's "Bad Gateway", ping's "OK"). */
    public void respond(HttpResponseStatus responseStatus, CharSequence body) {
        respond(responseStatus, body, false);
    }

    private void respond(HttpResponseStatus responseStatus, CharSequence body, boolean nosniff) {
        var content = body.isEmpty() ? Unpooled.EMPTY_BUFFER : ByteBufUtil.writeUtf8(ctx.alloc(), body);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, responseStatus, content,
                DefaultHttpHeadersFactory.headersFactory().withValidation(false),
                DefaultHttpHeadersFactory.trailersFactory().withValidation(false));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HeaderNames.TEXT_PLAIN_UTF8);
        if (nosniff) {
            response.headers().set(HeaderNames.X_CONTENT_TYPE_OPTIONS, HeaderNames.NOSNIFF);
        }
        response.headers().set(HttpHeaderNames.DATE, HttpDate.now());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        respond(response);
    }

    /** Answers with a complete response; takes ownership of it. */
    public void respond(FullHttpResponse response) {
        if (responseStarted || finished) {
            response.release();
            return;
        }
        writeResponseHead(response);
        if (!finished) {
            ctx.flush();
        }
    }

    /**
     * Writes the response head (which may also be a {@link FullHttpResponse}); interceptors run first. Not flushed:
     * the producer flushes at the end of its read.
     */
    public void writeResponseHead(HttpResponse response) {
        if (finished) {
            ReferenceCountUtil.release(response);
            return;
        }
        responseStarted = true;
        if (interceptors != null) {
            for (int i = 0; i < interceptors.size(); i++) {
                interceptors.get(i).onResponseHead(this, response);
            }
        }
        status = response.status().code();
        prepareFraming(response);
        boolean last = response instanceof LastHttpContent;
        if (last) {
            responseComplete = true;
            ctx.write(response).addListener(this::responseWritten);
        } else {
            ctx.write(response, ctx.voidPromise());
        }
    }

    /** Writes a response body chunk (not flushed); the last chunk completes the exchange. */
    public void writeResponseContent(HttpContent content) {
        if (finished) {
            content.release();
            return;
        }
        if (interceptors != null) {
            for (int i = 0; i < interceptors.size(); i++) {
                content = interceptors.get(i).onResponseContent(this, content);
            }
        }
        if (content instanceof LastHttpContent) {
            responseComplete = true;
            ctx.write(content).addListener(this::responseWritten);
        } else {
            ctx.write(content, ctx.voidPromise());
        }
    }

    public void flushResponse() {
        if (!finished) {
            ctx.flush();
        }
    }

    /** The backend switched protocols (101): relay raw bytes from now on. Head already written through here. */
    public void switchToRelay(Channel upstream) {
        responseComplete = true;
        finished = true;
        owner.switchToRelay(this, upstream);
        notifyCompletion();
    }

    /**
     * Gives up on the exchange after the response started (the backend failed mid-body): the client connection is
     * closed so the client sees a truncated response rather than a wrong one.
     */
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        releasePending();
        ctx.channel().close();
        owner.exchangeComplete(this, false);
        notifyCompletion();
    }

    /** Asks the owner to close the client connection once this response is written. */
    public void closeAfterResponse() {
        closeAfterResponse = true;
    }

    private void prepareFraming(HttpResponse response) {
        var headers = response.headers();
        if (http2) {
            return; // HTTP/2 frames the body itself; the codec drops connection-specific headers
        }
        int code = response.status().code();
        boolean bodyless = head || code == 204 || code == 304 || code < 200;
        if (!bodyless && !(response instanceof LastHttpContent) && !HttpUtil.isContentLengthSet(response)
                && !HttpUtil.isTransferEncodingChunked(response)) {
            if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
                closeAfterResponse = true; // an HTTP/1.0 client reads until close
            } else {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
        }
        if (!keepAlive()) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    private boolean keepAlive() {
        return !closeAfterResponse && HttpUtil.isKeepAlive(request);
    }

    private void responseWritten(io.netty.util.concurrent.Future<? super Void> future) {
        if (finished) {
            return;
        }
        finished = true;
        boolean keepAlive = future.isSuccess() && keepAlive() && requestComplete;
        releasePending();
        if (!future.isSuccess()) {
            ctx.channel().close();
        } else if (!keepAlive && !http2) {
            ctx.channel().close();
        } else if (http2 && !requestComplete) {
            ctx.channel().close(); // the client's remaining body is refused: reset the stream
        }
        owner.exchangeComplete(this, keepAlive);
        notifyCompletion();
    }

    /** The client connection closed: records 499 unless the response was complete, and tells the producer. */
    public void onClientClosed() {
        if (finished) {
            return;
        }
        finished = true;
        if (!responseComplete) {
            status = STATUS_CLIENT_CLOSED_REQUEST;
        }
        releasePending();
        if (listener != null) {
            listener.onClientClosed();
        }
        notifyCompletion();
    }

    /** The client connection became writable again. */
    public void onClientWritable() {
        if (listener != null && !finished) {
            listener.onClientWritable();
        }
    }

    /** Whether the exchange is over (response written, aborted or client gone). */
    public boolean finished() {
        return finished;
    }

    private void releasePending() {
        if (pendingBody != null) {
            HttpContent c;
            while ((c = pendingBody.poll()) != null) {
                c.release();
            }
        }
    }

}
