package io.trafficcop.proxy.middleware.compress;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.trafficcop.proxy.config.dynamic.Compress;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.ResponseInterceptor;
import io.trafficcop.proxy.middleware.Middleware;
import java.util.ArrayList;
import java.util.List;

/**
 * Traefik's {@code compress} middleware: {@code encodings} (default gzip, br, zstd, in preference order for equal
 * q-values), {@code defaultEncoding} (used without Accept-Encoding, and for "*"), {@code minResponseBodyBytes}
 * (default 1024), {@code includedContentTypes} / {@code excludedContentTypes} (mutually exclusive;
 * application/grpc is always excluded). A response that already has a Content-Encoding is left alone; every
 * response gets {@code Vary: Accept-Encoding}. The body is compressed chunk by chunk, each chunk flushed.
 *
 * <p>The size threshold is decided on the response head: a Content-Length below it is sent as is; a response of
 * unknown length is compressed (Traefik compresses those too as soon as its proxy flushes, every 100 ms).
 */
public final class CompressMiddleware implements Middleware {

    private static final List<String> SUPPORTED = List.of(StreamCompressor.GZIP, StreamCompressor.BROTLI,
            StreamCompressor.ZSTD);
    private static final MediaType GRPC = new MediaType("application/grpc", java.util.Map.of());

    private final List<MediaType> excludes;
    private final List<MediaType> includes;
    private final int minSize;
    private final String defaultEncoding;
    private final EncodingSelector selector;

    private CompressMiddleware(Compress config) {
        List<String> excluded = config.excludedContentTypes() == null ? List.of() : config.excludedContentTypes();
        List<String> included = config.includedContentTypes() == null ? List.of() : config.includedContentTypes();
        if (!excluded.isEmpty() && !included.isEmpty()) {
            throw new IllegalArgumentException(
                    "excludedContentTypes and includedContentTypes options are mutually exclusive");
        }
        List<MediaType> ex = new ArrayList<>();
        ex.add(GRPC);
        for (String v : excluded) {
            ex.add(parse("excluded", v));
        }
        List<MediaType> in = new ArrayList<>();
        for (String v : included) {
            in.add(parse("included", v));
        }
        this.excludes = List.copyOf(ex);
        this.includes = List.copyOf(in);
        Integer min = config.minResponseBodyBytes();
        this.minSize = min != null && min > 0 ? min : Compress.DEFAULT_MIN_RESPONSE_BODY_BYTES;
        List<String> encodings = config.encodings() == null ? Compress.DEFAULT_ENCODINGS : config.encodings();
        if (encodings.isEmpty()) {
            throw new IllegalArgumentException("at least one encoding must be specified");
        }
        for (String e : encodings) {
            if (!SUPPORTED.contains(e)) {
                throw new IllegalArgumentException("unsupported encoding: " + e);
            }
        }
        String def = config.defaultEncoding();
        if (def != null && !def.isEmpty() && !encodings.contains(def)) {
            throw new IllegalArgumentException("unsupported default encoding: " + def);
        }
        this.defaultEncoding = def == null || def.isEmpty() ? null : def;
        this.selector = new EncodingSelector(encodings, def);
    }

    private static MediaType parse(String which, String value) {
        try {
            return MediaType.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parsing " + which + " media type \"" + value + "\": "
                    + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException naming the option (Traefik's messages) for an invalid configuration */
    public static CompressMiddleware create(String name, Compress config) {
        return new CompressMiddleware(config);
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            String encoding = chooseEncoding(exchange);
            if (encoding != null) {
                exchange.addResponseInterceptor(new Compressing(encoding));
            }
            next.handle(exchange);
        };
    }

    /** The encoding to compress the response with, or null to pass it through. */
    String chooseEncoding(Exchange exchange) {
        if (HttpMethod.HEAD.equals(exchange.request().method())) {
            return null;
        }
        HttpHeaders headers = exchange.request().headers();
        MediaType requestType = MediaType.parseOrNull(headers.get(HttpHeaderNames.CONTENT_TYPE));
        if (requestType != null) {
            for (MediaType ex : excludes) {
                if (ex.type().equals(requestType.type())) {
                    return null;
                }
            }
        }
        List<String> accept = headers.getAll(HttpHeaderNames.ACCEPT_ENCODING);
        String choice = accept.isEmpty() ? defaultEncoding : selector.select(accept);
        return choice != null && SUPPORTED.contains(choice) ? choice : null;
    }

    /** Whether a response with these headers is to be compressed (Traefik's responseWriter checks). */
    boolean compressible(HttpResponse response, long knownLength) {
        HttpHeaders headers = response.headers();
        int code = response.status().code();
        if (code == 204 || code == 304 || code < 200) {
            return false;
        }
        if (headers.contains(HttpHeaderNames.CONTENT_ENCODING)
                && !headers.get(HttpHeaderNames.CONTENT_ENCODING).isEmpty()) {
            return false;
        }
        String contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
        if (contentType != null && !contentType.isEmpty()) {
            MediaType type = MediaType.parseOrNull(contentType);
            if (type == null) {
                return false;
            }
            if (!includes.isEmpty() && includes.stream().noneMatch(i -> i.matches(type))) {
                return false;
            }
            if (includes.isEmpty() && excludes.stream().anyMatch(e -> e.matches(type))) {
                return false;
            }
        }
        return knownLength < 0 || (knownLength > 0 && knownLength >= minSize);
    }

    /** Compresses one response. */
    private final class Compressing implements ResponseInterceptor {

        private final String encoding;
        private StreamCompressor compressor;

        Compressing(String encoding) {
            this.encoding = encoding;
        }

        @Override
        public void onResponseHead(Exchange exchange, HttpResponse response) {
            HttpHeaders headers = response.headers();
            headers.add(HttpHeaderNames.VARY, "Accept-Encoding");
            if (response instanceof FullHttpResponse full) {
                compressWhole(exchange, full);
                return;
            }
            long length = HttpUtil.getContentLength(response, -1L);
            if (exchange.request().method().equals(HttpMethod.HEAD) || !compressible(response, length)) {
                return;
            }
            headers.remove(HttpHeaderNames.CONTENT_LENGTH);
            headers.set(HttpHeaderNames.CONTENT_ENCODING, encoding);
            compressor = new StreamCompressor(encoding);
            StreamCompressor c = compressor;
            exchange.addCompletionListener(c::close);
        }

        private void compressWhole(Exchange exchange, FullHttpResponse full) {
            ByteBuf content = full.content();
            if (!compressible(full, content.readableBytes()) || !content.isWritable(0)) {
                return;
            }
            byte[] compressed;
            try (StreamCompressor c = new StreamCompressor(encoding)) {
                compressed = c.finish(ByteBufUtil.getBytes(content));
            }
            if (content.maxCapacity() < compressed.length || content.isReadOnly()) {
                return;
            }
            content.clear().writeBytes(compressed);
            full.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, compressed.length);
            full.headers().set(HttpHeaderNames.CONTENT_ENCODING, encoding);
        }

        @Override
        public HttpContent onResponseContent(Exchange exchange, HttpContent content) {
            if (compressor == null) {
                return content;
            }
            byte[] in = ByteBufUtil.getBytes(content.content());
            if (content instanceof LastHttpContent last) {
                byte[] out = compressor.finish(in);
                compressor = null;
                DefaultLastHttpContent result = new DefaultLastHttpContent(Unpooled.wrappedBuffer(out));
                result.trailingHeaders().set(last.trailingHeaders());
                content.release();
                return result;
            }
            byte[] out = compressor.compress(in);
            content.release();
            return new DefaultHttpContent(Unpooled.wrappedBuffer(out));
        }
    }
}
