package io.trafficcop.proxy.middleware.buffering;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.trafficcop.proxy.config.dynamic.Buffering;
import io.trafficcop.proxy.http.AttemptStart;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.RequestBodyConsumer;
import io.trafficcop.proxy.http.ResponseInterceptor;
import io.trafficcop.proxy.middleware.Middleware;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.ArrayList;
import java.util.List;

/**
 * Traefik's {@code buffering} middleware (vulcand/oxy buffer): the request body is read whole before it is forwarded,
 * with a fixed Content-Length; a body over {@code maxRequestBodyBytes} (0: unlimited) is answered 413 Request Entity
 * Too Large without reaching the service. The response is held whole before the client sees it, then written with
 * a Content-Length: in memory up to {@code memResponseBodyBytes}, the rest in a temporary file; one over
 * {@code maxResponseBodyBytes} (0: unlimited) is answered 500 Internal Server Error instead.
 *
 * <p>{@code memRequestBodyBytes}: the part of a request body beyond it goes to a temporary file ({@link SpillFile},
 * in {@code java.io.tmpdir}), deleted when the exchange ends.
 *
 * <p>{@code retryExpression} ({@link RetryExpression}): an attempt whose response matches is held back and the
 * request, its buffered body replayed, is sent to the service again.
 * */
public final class BufferingMiddleware implements Middleware {

    private final long maxRequestBodyBytes;
    private final long maxResponseBodyBytes;
    private final long memRequestBodyBytes;
    private final long memResponseBodyBytes;
    private final Path spillDirectory;
    private final Predicate<RetryExpression.Attempt> retryExpression;

    private BufferingMiddleware(Buffering config, Path spillDirectory) {
        this.maxRequestBodyBytes = value("maxRequestBodyBytes", config.maxRequestBodyBytes());
        this.maxResponseBodyBytes = value("maxResponseBodyBytes", config.maxResponseBodyBytes());
        this.memRequestBodyBytes = value("memRequestBodyBytes", config.memRequestBodyBytes());
        this.spillDirectory = spillDirectory;
        this.retryExpression = config.retryExpression() == null || config.retryExpression().isBlank() ? null
                : RetryExpression.parse(config.retryExpression());
        this.memResponseBodyBytes = value("memResponseBodyBytes", config.memResponseBodyBytes());
    }

    private static long value(String option, Long v) {
        if (v != null && v < 0) {
            throw new IllegalArgumentException("invalid buffering." + option + " " + v + ": must be >= 0");
        }
        return v == null ? 0 : v;
    }

    /** @throws IllegalArgumentException naming the option for a negative size or a retryExpression that does not parse */
    public static BufferingMiddleware create(String name, Buffering config) {
        return new BufferingMiddleware(config, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** With the temporary files of spilled bodies in {@code spillDirectory} (tests). */
    static BufferingMiddleware create(Buffering config, Path spillDirectory) {
        return new BufferingMiddleware(config, spillDirectory);
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            if (!exchange.hasRequestBody()) {
                forward(exchange, next, null);
                return;
            }
            WholeBody body = new WholeBody(exchange, next);
            // however the exchange ends (client gone mid-body, error): what is held is released, the file deleted
            exchange.addCompletionListener(body::discardBody);
            if (maxRequestBodyBytes > 0 && HttpUtil.getContentLength(exchange.request(), -1L) > maxRequestBodyBytes) {
                // announced too large: refused without reading it into memory
                body.refuse(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "Request Entity Too Large", false);
            }
            exchange.consumeRequestBody(body);
        };
    }

    /** Sends the request on with its whole body ({@code body}, owned, null for none), retried as retryExpression says. */
    private void forward(Exchange exchange, HttpHandler next, List<HttpContent> body) {
        if (retryExpression != null) {
            new Attempts(exchange, next, body).run();
            return;
        }
        exchange.addResponseInterceptor(new ResponseBuffer(exchange));
        if (body != null) {
            exchange.pushBackRequestBody(body);
        }
        next.handle(exchange);
    }

    /**
     * retryExpression: the attempts of one request. The response of an attempt the expression retries is held back
     * (nothing of it reaches the client) and the request, its buffered body replayed, is sent again; as in oxy the
     * last response goes through whatever it is.
     */
    private final class Attempts implements Exchange.ResponseGate, Runnable {

        private final Exchange exchange;
        private final HttpHandler next;
        private final List<HttpContent> body;
        private final AttemptStart initial;
        private int attempt;

        Attempts(Exchange exchange, HttpHandler next, List<HttpContent> body) {
            this.exchange = exchange;
            this.next = next;
            this.body = body;
            this.initial = AttemptStart.of(exchange);
            if (body != null) {
                exchange.addCompletionListener(() -> body.forEach(HttpContent::release));
            }
        }

        @Override
        public void run() {
            if (exchange.finished()) {
                return;
            }
            attempt++;
            if (attempt > 1) {
                initial.restore(exchange);
            }
            if (body != null) {
                List<HttpContent> copy = new ArrayList<>(body.size());
                for (HttpContent c : body) {
                    copy.add(c.retainedDuplicate());
                }
                exchange.replayRequestBody(copy);
            }
            exchange.addResponseInterceptor(new ResponseBuffer(exchange)); // this attempt's response only
            if (attempt <= RetryExpression.MAX_RETRY_ATTEMPTS) {
                exchange.addResponseGate(this);
            }
            next.handle(exchange);
        }

        @Override
        public boolean admit(HttpResponse head) {
            return !RetryExpression.retries(retryExpression,
                    new RetryExpression.Attempt(attempt, head.status().code()));
        }

        @Override
        public void discarded() {
            exchange.channel().eventLoop().execute(this); // never re-enter the proxy from inside the ended attempt
        }
    }

    /**
     * Go's server reads up to this much of a request body the handler left unread before it answers and closes,
     * so that the client sees the answer rather than a reset.
     */
    private static final long DRAIN_LIMIT = 256 * 1024;

    /** Reads the request body whole, then forwards it with a Content-Length. */
    private final class WholeBody implements RequestBodyConsumer {

        private final Exchange exchange;
        private final HttpHandler next;
        private final List<HttpContent> chunks = new ArrayList<>();
        private long size;
        private boolean over;

        WholeBody(Exchange exchange, HttpHandler next) {
            this.exchange = exchange;
            this.next = next;
        }

        private long drained;
        private boolean answered;
        private HttpResponseStatus refusal;
        private String refusalBody;

        /** The body beyond memRequestBodyBytes, once it got that far; {@link #chunks} then stays empty. */
        private SpillFile spill;

        @Override
        public void onRequestContent(HttpContent content) {
            if (over) {
                drain(content);
                return;
            }
            size += content.content().readableBytes();
            boolean last = content instanceof LastHttpContent;
            if (maxRequestBodyBytes > 0 && size > maxRequestBodyBytes) {
                content.release();
                discardBody();
                refuse(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "Request Entity Too Large", last);
                return;
            }
            List<HttpContent> body;
            try {
                keep(content);
                if (!last) {
                    return;
                }
                body = spill == null ? new ArrayList<>(chunks) : readBack((LastHttpContent) content);
                chunks.clear();
            } catch (RuntimeException e) { // the temporary file could not be written or read back
                discardBody();
                refuse(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal Server Error", last);
                return;
            }
            var headers = exchange.request().headers();
            headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
            headers.set(HttpHeaderNames.CONTENT_LENGTH, size);
            forward(exchange, next, body);
        }

        /**
         * Holds the chunk in memory while the body fits memRequestBodyBytes, else appends it to the file. Takes
         * ownership of the chunk, except for a spilled last chunk, whose trailers {@link #readBack} still needs
         * (released there, or here if writing it fails).
         */
        private void keep(HttpContent content) {
            if (spill == null && size <= memRequestBodyBytes) {
                chunks.add(content);
                return;
            }
            try {
                if (spill == null) {
                    spill = SpillFile.create(spillDirectory);
                    while (!chunks.isEmpty()) {
                        HttpContent held = chunks.remove(0);
                        try {
                            spill.write(held.content());
                        } finally {
                            held.release();
                        }
                    }
                }
                spill.write(content.content());
            } catch (RuntimeException e) {
                content.release();
                throw e;
            }
            if (!(content instanceof LastHttpContent)) {
                content.release();
            }
        }

        /** The spilled body as mapped chunks, ending with the trailers of the client's last chunk (released). */
        private List<HttpContent> readBack(LastHttpContent lastReceived) {
            List<HttpContent> body = new ArrayList<>();
            try {
                for (var buffer : spill.mapped()) {
                    body.add(new DefaultHttpContent(buffer));
                }
                DefaultLastHttpContent end = new DefaultLastHttpContent();
                end.trailingHeaders().set(lastReceived.trailingHeaders());
                body.add(end);
                return body;
            } catch (RuntimeException e) {
                body.forEach(HttpContent::release);
                throw e;
            } finally {
                lastReceived.release();
            }
        }

        private void discardBody() {
            chunks.forEach(HttpContent::release);
            chunks.clear();
            if (spill != null) {
                spill.close();
            }
        }

        /**
         * Refuses the request with {@code status}: the rest of the body is discarded first, as Go's server does,
         * so that the client reads the answer instead of a connection reset.
         */
        private void refuse(HttpResponseStatus status, String body, boolean last) {
            over = true;
            refusal = status;
            refusalBody = body;
            if (last) {
                answer();
            }
        }

        /** Discards the rest of a refused body, then answers (at the end, or past Go's drain limit). */
        private void drain(HttpContent content) {
            drained += content.content().readableBytes();
            boolean last = content instanceof LastHttpContent;
            content.release();
            if (last || drained > DRAIN_LIMIT) {
                answer();
            }
        }

        private void answer() {
            if (!answered) {
                answered = true;
                exchange.respond(refusal, refusalBody);
            }
        }

        @Override
        public void flushRequestBody() {
        }

        @Override
        public boolean isWritable() {
            return !answered;
        }
    }

    /**
     * The response held whole (oxy's buffer): its chunks kept in memory up to memResponseBodyBytes, the rest in a
     * temporary file; once it has ended it is written as one body with a Content-Length. Over maxResponseBodyBytes
     * (when set) the client gets 500 Internal Server Error instead. What is held is dropped however the exchange ends.
     */
    private final class ResponseBuffer implements ResponseInterceptor {

        private final List<ByteBuf> held = new ArrayList<>();
        private SpillFile spill;
        private HttpResponse head;
        private long size;
        private boolean replaced;

        ResponseBuffer(Exchange exchange) {
            exchange.addCompletionListener(this::discard);
        }

        @Override
        public void onResponseHead(Exchange exchange, HttpResponse response) {
            long length = response instanceof FullHttpResponse full ? full.content().readableBytes()
                    : HttpUtil.getContentLength(response, -1L);
            if (maxResponseBodyBytes > 0 && length > maxResponseBodyBytes) {
                replaceWithError(response); // announced too large: refused without reading it
            }
            if (response instanceof FullHttpResponse || response.status().code() < 200) {
                return; // already whole, or a protocol switch whose connection is relayed from here on
            }
            head = response;
            // the length is known once the body is whole; chunked framing would contradict it
            response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
            exchange.deferResponseHeadUntilContent();
        }

        @Override
        public HttpContent onResponseContent(Exchange exchange, HttpContent content) {
            boolean last = content instanceof LastHttpContent;
            if (head == null) {
                return content; // a complete response's head passed through
            }
            if (replaced) {
                content.release();
                return last ? new DefaultLastHttpContent(Unpooled.copiedBuffer(ERROR_BODY, StandardCharsets.US_ASCII))
                        : null;
            }
            size += content.content().readableBytes();
            if (maxResponseBodyBytes > 0 && size > maxResponseBodyBytes) {
                content.release();
                return fail(last);
            }
            try {
                ByteBuf data = content.content().retain();
                content.release();
                keep(data);
                return last ? whole() : null;
            } catch (RuntimeException e) { // the temporary file could not be written or read back
                return fail(last);
            }
        }

        /** Drops what is held; the client gets 500 once the backend's response has ended. */
        private HttpContent fail(boolean last) {
            discard();
            replaceWithError(head);
            return last ? new DefaultLastHttpContent(Unpooled.copiedBuffer(ERROR_BODY, StandardCharsets.US_ASCII))
                    : null;
        }

        /** Takes ownership of {@code data}: held in memory within memResponseBodyBytes, else appended to the file. */
        private void keep(ByteBuf data) {
            if (spill == null && size <= memResponseBodyBytes) {
                held.add(data);
                return;
            }
            try {
                if (spill == null) {
                    spill = SpillFile.create(spillDirectory);
                    while (!held.isEmpty()) {
                        ByteBuf b = held.remove(0);
                        try {
                            spill.write(b);
                        } finally {
                            b.release();
                        }
                    }
                }
                spill.write(data);
            } finally {
                data.release();
            }
        }

        /** The whole body as one last chunk; the file (if any) is deleted, its mapping stays readable. */
        private LastHttpContent whole() {
            CompositeByteBuf body = Unpooled.compositeBuffer(Integer.MAX_VALUE);
            try {
                List<ByteBuf> parts = spill == null ? held : spill.mapped();
                body.addComponents(true, parts);
                if (parts == held) {
                    held.clear();
                }
            } catch (RuntimeException e) {
                body.release();
                throw e;
            } finally {
                if (spill != null) {
                    spill.close();
                    spill = null;
                }
            }
            // the Content-Length is set by the exchange as it writes the held-back head with this one chunk
            return new DefaultLastHttpContent(body);
        }

        private void replaceWithError(HttpResponse response) {
            replaced = true;
            response.setStatus(HttpResponseStatus.INTERNAL_SERVER_ERROR);
            response.headers().clear();
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, ERROR_BODY.length());
            if (response instanceof FullHttpResponse full) {
                full.content().clear().writeBytes(ERROR_BODY.getBytes(StandardCharsets.US_ASCII));
            }
        }

        private void discard() {
            held.forEach(ByteBuf::release);
            held.clear();
            if (spill != null) {
                spill.close();
                spill = null;
            }
        }
    }

    private static final String ERROR_BODY = "Internal Server Error";
}
