package io.trafficcop.proxy.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
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

    // built once: each with* call makes a new factory (404s, redirects and errors answer through respond)
    private static final DefaultHttpHeadersFactory UNVALIDATED_HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final DefaultHttpHeadersFactory UNVALIDATED_TRAILERS =
            DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

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
    /** The first completion listener (usually the only one, the load balancer's): no list for it. */
    private Runnable completionListener;
    private List<Runnable> completionListeners;
    private java.util.function.Consumer<HttpContent> bodyTap;
    private ResponseDiverter diverter;
    private int diverterInterceptors;
    private ResponseDiverter diverting;
    private List<ResponseGate> responseGates;
    private ResponseGate discardingGate;
    private boolean discardingResponse;
    private boolean upstreamReached;
    private boolean upstreamRequestWritten;
    private boolean requestBodyDiscarded;

    private RouterRuntime router;
    private io.trafficcop.proxy.upstream.UpstreamTarget upstream;
    private long upstreamStartNanos;
    private int originStatus;
    private String clientUsername;
    private long requestContentSize;
    private String serviceName;
    private int retryAttempts;
    private int status;
    private boolean responseStarted;
    private boolean responseComplete;
    private boolean closeAfterResponse;
    /** The client spoke HTTP/1.0 (the request is forwarded as HTTP/1.1, so this is kept apart). */
    private final boolean http10;
    private boolean finished;
    private boolean omitForwardedFor;
    private boolean deferHead;
    private HttpResponse deferredHead;
    private ChannelFuture lastWrite;

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
        // the client's own say on the connection, read now: forwarding strips the hop-by-hop Connection header
        // and upgrades the request line to HTTP/1.1
        this.http10 = request.protocolVersion() == HttpVersion.HTTP_1_0;
        this.closeAfterResponse = !http2 && !HttpUtil.isKeepAlive(request);
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

    /** Records the backend server the request is forwarded to (the access log's ServiceURL and OriginDuration). */
    public void forwardingTo(io.trafficcop.proxy.upstream.UpstreamTarget target) {
        forwardingTo(target, System.nanoTime());
    }

    /** As {@link #forwardingTo(io.trafficcop.proxy.upstream.UpstreamTarget)}, started at {@code startNanos}. */
    public void forwardingTo(io.trafficcop.proxy.upstream.UpstreamTarget target, long startNanos) {
        this.upstream = target;
        this.upstreamStartNanos = startNanos;
    }

    /** The backend server the request was last forwarded to; null if it was answered without one. */
    public io.trafficcop.proxy.upstream.UpstreamTarget upstream() {
        return upstream;
    }

    /** {@link System#nanoTime()} when the request was last forwarded to a backend server. */
    public long upstreamStartNanos() {
        return upstreamStartNanos;
    }

    /** Records the status the backend server answered with (before middlewares changed it). */
    public void originStatus(int value) {
        this.originStatus = value;
    }

    /** The backend server's status (the access log's OriginStatus); 0 if no backend answered. */
    public int originStatus() {
        return originStatus;
    }

    /** Records the service (its qualified name) whose server the request is forwarded to (the access log's ServiceName). */
    public void serviceName(String value) {
        this.serviceName = value;
    }

    /** The service whose server the request was last forwarded to; null if none. */
    public String serviceName() {
        return serviceName;
    }

    /** Records one more attempt after the first (the retry middleware; the access log's RetryAttempts). */
    public void recordRetryAttempt() {
        retryAttempts++;
    }

    /** How many times the request was retried. */
    public int retryAttempts() {
        return retryAttempts;
    }

    /** Records the user an auth middleware authenticated (the access log's ClientUsername). */
    public void clientUsername(String value) {
        this.clientUsername = value;
    }

    /** The user an auth middleware authenticated; null if none. */
    public String clientUsername() {
        return clientUsername;
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

    /**
     * Asks the proxy not to set X-Forwarded-For on the forwarded request (Go's ReverseProxy when the header is
     * present with a nil value: Traefik's headers middleware with {@code X-Forwarded-For: ""}).
     */
    public void omitForwardedFor() {
        this.omitForwardedFor = true;
    }

    public boolean forwardedForOmitted() {
        return omitForwardedFor;
    }

    // ---- the request body --------------------------------------------------------------------------------------

    /** Called by the owner for each body chunk the client sent; ownership passes to the exchange. */
    public void onRequestContent(HttpContent content) {
        requestContentSize += content.content().readableBytes();
        if (content instanceof LastHttpContent) {
            requestComplete = true;
        }
        if (requestBodyDiscarded) {
            content.release();
            return;
        }
        if (bodyTap != null && !finished) {
            bodyTap.accept(content);
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

    /**
     * Lets {@code tap} see every request body chunk, those already queued included, as it goes to the consumer
     * (mirroring copies the body this way). The tap must neither retain nor release the chunk. One tap per exchange.
     */
    public void tapRequestBody(java.util.function.Consumer<HttpContent> tap) {
        this.bodyTap = tap;
        if (pendingBody != null) {
            for (HttpContent c : pendingBody) {
                tap.accept(c);
            }
        }
    }

    /**
     * Discards the next response head if {@code d} says so (see {@link ResponseDiverter}); interceptors added after
     * this call go with a discarded response.
     */
    public void divertResponse(ResponseDiverter d) {
        this.diverter = d;
        this.diverterInterceptors = interceptors == null ? 0 : interceptors.size();
    }

    /**
     * Makes {@code chunks} (ownership taken, ending with a {@link LastHttpContent}) the request body again, for the
     * next handler to consume: a service that buffered the body replays it to a second handler.
     */
    public void replayRequestBody(List<HttpContent> chunks) {
        releasePending();
        bodyConsumer = null;
        pendingBody = new ArrayDeque<>(chunks);
        requestComplete = true;
    }

    /**
     * Puts a request body that a middleware read whole (forwardAuth {@code forwardBody}, retry) back in front of
     * the exchange, as if it had just arrived: the next {@link #consumeRequestBody} receives it. The body must be
     * complete (a {@link LastHttpContent}); ownership passes to the exchange. It replaces a previous replay that
     * nobody consumed (a retry attempt that failed before sending the body).
     */
    public void replayRequestBody(LastHttpContent wholeBody) {
        releasePending();
        pushBackRequestBody(List.of(wholeBody));
    }

    /**
     * Puts request body chunks a middleware already read (the start of the body, or all of it) back in front of
     * what the client has still to send; the current consumer is detached and the next {@link #consumeRequestBody}
     * receives them first. Ownership of the chunks passes to the exchange.
     */
    public void pushBackRequestBody(List<? extends HttpContent> chunks) {
        bodyConsumer = null;
        if (finished) {
            chunks.forEach(HttpContent::release);
            return;
        }
        ArrayDeque<HttpContent> queue = new ArrayDeque<>(chunks.size() + (pendingBody == null ? 0 : pendingBody.size()));
        queue.addAll(chunks);
        if (pendingBody != null) {
            queue.addAll(pendingBody);
        }
        pendingBody = queue;
        for (HttpContent c : chunks) {
            if (c instanceof LastHttpContent) {
                requestComplete = true;
            }
        }
    }

    /**
     * The request sent on from now on has no body (the errors middleware's page request): what the client has not
     * sent yet is dropped, and the next consumer gets an empty body.
     */
    public void discardRequestBody() {
        requestBodyDiscarded = true;
        bodyConsumer = null;
        releasePending();
    }

    // ---- upstream attempts (the retry and errors middlewares) ------------------------------------------------

    /**
     * Decides whether a response may reach the client (the retry middleware holds back the responses of attempts
     * it will repeat, errors those it replaces). A refused response is dropped with its body, then
     * {@link #discarded()} is called.
     */
    public interface ResponseGate {

        boolean admit(HttpResponse head);

        /** The refused response is over (its last chunk dropped, or its producer gave up): the attempt ended. */
        void discarded();
    }

    /**
     * Adds a gate the next response head passes through. Gates nest as the middlewares that add them: the last
     * added (innermost) decides first; each gate is consulted once and then forgotten, so an outer gate sees the
     * response an inner one let through or put in place of the one it refused.
     */
    public void addResponseGate(ResponseGate gate) {
        if (responseGates == null) {
            responseGates = new ArrayList<>(2);
        }
        responseGates.add(gate);
    }

    /** How many gates wait for the next response (to undo an attempt's with {@link #resetAttempt}). */
    public int responseGateCount() {
        return responseGates == null ? 0 : responseGates.size();
    }

    /** Called by the proxy when it starts forwarding this exchange to a backend (Traefik's proxyReached). */
    public void markUpstreamReached() {
        upstreamReached = true;
    }

    /** Called by the proxy once the request head was handed to a backend connection (Go's WroteHeaders trace). */
    public void markUpstreamRequestWritten() {
        upstreamRequestWritten = true;
    }

    public boolean upstreamReached() {
        return upstreamReached;
    }

    public boolean upstreamRequestWritten() {
        return upstreamRequestWritten;
    }

    /**
     * Starts a new attempt: forgets the upstream marks, and the interceptors and gates registered after the first
     * {@code keepInterceptors} / {@code keepGates}.
     */
    public void resetAttempt(int keepInterceptors, int keepGates) {
        upstreamReached = false;
        upstreamRequestWritten = false;
        discardingResponse = false;
        discardingGate = null;
        if (responseGates != null) {
            while (responseGates.size() > keepGates) {
                responseGates.remove(responseGates.size() - 1);
            }
        }
        if (interceptors != null) {
            while (interceptors.size() > keepInterceptors) {
                interceptors.remove(interceptors.size() - 1);
            }
        }
    }

    /** How many response interceptors are registered (to undo an attempt's with {@link #resetAttempt}). */
    public int interceptorCount() {
        return interceptors == null ? 0 : interceptors.size();
    }

    private void endDiscardedAttempt() {
        discardingResponse = false;
        ResponseGate gate = discardingGate;
        discardingGate = null;
        if (gate != null) {
            gate.discarded();
        }
    }

    private void endDiversion() {
        ResponseDiverter d = diverting;
        diverting = null;
        listener = null;
        // after the producer that wrote the discarded response has finished with this exchange
        ctx.channel().eventLoop().execute(() -> {
            if (!finished) {
                d.diverted();
            }
        });
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
        if (requestBodyDiscarded) {
            consumer.onRequestContent(LastHttpContent.EMPTY_LAST_CONTENT); // the request now has no body
            consumer.flushRequestBody();
            return;
        }
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

    /** The request body bytes received from the client so far (the access log's RequestContentSize). */
    public long requestContentSize() {
        return requestContentSize;
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

    /**
     * Registers a response hook. Hooks run in the reverse order of registration (the one registered last, closest
     * to the service, first), as Go's nested ResponseWriters do in Traefik: with middlewares [A, B], B's changes are
     * made first and A's last, so A wins on a header both set.
     */
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
        if (completionListener == null && completionListeners == null) {
            completionListener = listener;
            return;
        }
        if (completionListeners == null) {
            completionListeners = new ArrayList<>(2);
        }
        completionListeners.add(listener);
    }

    private void notifyCompletion() {
        if (completionListener != null) {
            completionListener.run();
        }
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
                UNVALIDATED_HEADERS, UNVALIDATED_TRAILERS);
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
        if (!http2 && !requestComplete && announcesBody()) {
            // answered before the client finished sending its body: the connection cannot be reused, and the
            // client must be told so, or it may send its next request on a connection about to close
            closeAfterResponse = true;
        }
        writeResponseHead(response);
        if (!finished && responseStarted) {
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
        if (discardingResponse) {
            ReferenceCountUtil.release(response); // a held-back attempt stays held back (Go's shouldNotWrite)
            if (response instanceof LastHttpContent) {
                endDiscardedAttempt();
            }
            return;
        }
        while (responseGates != null && !responseGates.isEmpty() && !responseStarted) {
            ResponseGate gate = responseGates.remove(responseGates.size() - 1);
            if (!gate.admit(response)) {
                ReferenceCountUtil.release(response);
                discardingResponse = true;
                discardingGate = gate;
                if (response instanceof LastHttpContent) {
                    endDiscardedAttempt();
                }
                return;
            }
        }
        if (diverter != null) {
            ResponseDiverter d = diverter;
            diverter = null;
            if (d.divert(response)) {
                boolean last = response instanceof LastHttpContent;
                if (interceptors != null) {
                    // the diverted handler's own interceptors see its response (a load balancer records the
                    // server's status), then go with it
                    for (int i = diverterInterceptors; i < interceptors.size(); i++) {
                        interceptors.get(i).onResponseHead(this, response);
                    }
                    while (interceptors.size() > diverterInterceptors) {
                        interceptors.remove(interceptors.size() - 1);
                    }
                }
                ReferenceCountUtil.release(response);
                diverting = d;
                if (last) {
                    endDiversion();
                }
                return;
            }
        }
        responseStarted = true;
        if (interceptors != null) {
            // innermost first, as Go's wrapped ResponseWriters: the middleware listed first has the last word
            for (int i = interceptors.size() - 1; i >= 0; i--) {
                interceptors.get(i).onResponseHead(this, response);
            }
        }
        status = response.status().code();
        if (deferHead && !(response instanceof LastHttpContent)) {
            deferredHead = response; // written with the first body chunk (content sniffing)
            return;
        }
        prepareFraming(response);
        boolean last = response instanceof LastHttpContent;
        if (last) {
            writeLast(response);
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
        if (discardingResponse) {
            boolean last = content instanceof LastHttpContent;
            content.release();
            if (last) {
                endDiscardedAttempt();
            }
            return;
        }
        if (diverting != null) {
            boolean last = content instanceof LastHttpContent;
            content.release();
            if (last) {
                endDiversion();
            }
            return;
        }
        if (interceptors != null) {
            for (int i = interceptors.size() - 1; i >= 0; i--) {
                content = interceptors.get(i).onResponseContent(this, content);
                if (content == null) {
                    return; // the interceptor holds the chunk back (buffering the whole response)
                }
            }
        }
        if (deferredHead != null) {
            HttpResponse head = deferredHead;
            deferredHead = null;
            int code = head.status().code();
            if (content instanceof LastHttpContent && !this.head && code != 204 && code != 304 && code >= 200
                    && !HttpUtil.isContentLengthSet(head) && !HttpUtil.isTransferEncodingChunked(head)) {
                // the whole body is in hand: framed with its length, as Go's server does
                HttpUtil.setContentLength(head, content.content().readableBytes());
            }
            prepareFraming(head);
            ctx.write(head, ctx.voidPromise());
        }
        if (content instanceof LastHttpContent) {
            writeLast(content);
        } else {
            ctx.write(content, ctx.voidPromise());
        }
    }

    /**
     * Called by a {@link ResponseInterceptor} from {@link ResponseInterceptor#onResponseHead}: the head (unless it is a
     * complete response) is held back and written just before the first body chunk, after the interceptors saw that
     * chunk and may still change the head (Go's server sniffing the Content-Type from the first bytes).
     */
    public void deferResponseHeadUntilContent() {
        this.deferHead = true;
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
        if (discardingResponse) {
            endDiscardedAttempt(); // the held-back response broke off: the attempt is over, the client never saw it
            return;
        }
        if (diverting != null) {
            endDiversion(); // the discarded response was cut short: it is over all the same
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
            if (http10) {
                closeAfterResponse = true; // an HTTP/1.0 client reads until close
            } else {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
        }
        if (!keepAlive()) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    private boolean keepAlive() {
        return !closeAfterResponse;
    }

    /** Writes the end of the response; its completion ends the exchange. */
    private void writeLast(Object last) {
        responseComplete = true;
        ChannelFutureListener shared = owner.lastResponseWriteListener();
        ChannelFuture written = ctx.write(last);
        lastWrite = written;
        written.addListener(shared != null ? shared : (ChannelFutureListener) this::lastResponseWriteDone);
    }

    /**
     * The last response write of this exchange completed (called by the owner's shared listener, which hands over
     * whatever future it is notified of: one that is not this exchange's last write is ignored).
     */
    public void lastResponseWriteDone(ChannelFuture future) {
        if (future != lastWrite) {
            return;
        }
        lastWrite = null;
        responseWritten(future);
    }

    private void responseWritten(ChannelFuture future) {
        if (finished) {
            return;
        }
        finished = true;
        // a response written on the request head (a middleware's redirect, a 404) may complete before the decoder
        // hands over the empty end of a bodiless HTTP/1.x request: that request is complete all the same
        boolean complete = requestComplete || !http2 && !announcesBody();
        boolean keepAlive = future.isSuccess() && keepAlive() && complete;
        releasePending();
        if (!future.isSuccess()) {
            ctx.channel().close();
        } else if (!keepAlive && !http2) {
            ctx.channel().close();
        } else if (http2 && !requestComplete) {
            // the response is complete while the client still sends a body nobody will read: as Go's server, ask it to
            // stop with RST_STREAM NO_ERROR (RFC 9113 §8.1), which clients take as the end of a complete response —
            // closing the stream channel would send CANCEL, which fails the request on the client's side
            ctx.channel().writeAndFlush(new io.netty.handler.codec.http2.DefaultHttp2ResetFrame(
                    io.netty.handler.codec.http2.Http2Error.NO_ERROR)).addListener(ChannelFutureListener.CLOSE);
        }
        owner.exchangeComplete(this, keepAlive);
        notifyCompletion();
    }

    private boolean announcesBody() {
        return HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0L;
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
