package io.trafficcop.proxy.middleware.contenttype;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.trafficcop.proxy.config.dynamic.ContentType;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.http.ResponseInterceptor;
import io.trafficcop.proxy.middleware.Middleware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traefik's {@code http.middlewares.<name>.contentType}: Traefik never adds a Content-Type the backend did not send,
 * except behind this middleware, which turns Go's content sniffing back on: a response without Content-Type (and
 * without Content-Encoding, with a status that has a body) gets the type Go's DetectContentType reads from its first
 * bytes. The deprecated {@code autoDetect: false} makes the middleware a no-op (Traefik logs a deprecation warning
 * whenever the option is set).
 */
public final class ContentTypeMiddleware implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(ContentTypeMiddleware.class);

    private final boolean enabled;

    public ContentTypeMiddleware(ContentType config) {
        this(config, "contentType");
    }

    /** @param name the middleware's name, for the deprecation warning */
    public ContentTypeMiddleware(ContentType config, String name) {
        Boolean autoDetect = config == null ? null : config.autoDetect();
        if (autoDetect != null) {
            LOG.warn("middleware {}: AutoDetect option is deprecated, Content-Type middleware is only meant to be used"
                    + " to enable the content-type detection, please remove any usage of this option.", name);
        }
        this.enabled = autoDetect == null || autoDetect;
    }

    /** Whether the middleware sniffs (false when {@code autoDetect: false}). */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public HttpHandler wrap(HttpHandler next) {
        if (!enabled) {
            return next;
        }
        return exchange -> {
            exchange.addResponseInterceptor(new Sniffing());
            next.handle(exchange);
        };
    }

    /** Holds the head back until the first body bytes when it has no Content-Type. */
    private static final class Sniffing implements ResponseInterceptor {

        private HttpResponse head;

        @Override
        public void onResponseHead(Exchange exchange, HttpResponse response) {
            HttpHeaders headers = response.headers();
            int code = response.status().code();
            boolean bodyAllowed = code >= 200 && code != 204 && code != 304;
            if (!bodyAllowed || !sniffable(headers)) {
                return;
            }
            if (response instanceof HttpContent full) {
                sniff(response, full);
                return;
            }
            head = response;
            exchange.deferResponseHeadUntilContent();
        }

        @Override
        public HttpContent onResponseContent(Exchange exchange, HttpContent content) {
            if (head != null) {
                sniff(head, content);
                head = null;
            }
            return content;
        }

        /** No Content-Type (even empty) and no Content-Encoding, checked again at the first chunk: a middleware
         * further down the chain (headers, compress) may have set them on the head meanwhile. */
        private static boolean sniffable(HttpHeaders headers) {
            return !headers.contains(HttpHeaderNames.CONTENT_TYPE)
                    && headers.get(HttpHeaderNames.CONTENT_ENCODING, "").isEmpty();
        }

        private static void sniff(HttpResponse response, HttpContent content) {
            if (content.content().isReadable() && sniffable(response.headers())) {
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, ContentSniffer.detect(content.content()));
            }
        }
    }
}
