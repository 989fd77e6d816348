package io.trafficcop.proxy.http;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;

/**
 * A middleware's hook into the response of one exchange (registered with
 * {@link Exchange#addResponseInterceptor}): it sees the response head before it is written (to rewrite headers)
 * and may transform each body chunk (compression and other body filters). Runs on the exchange's event loop.
 */
public interface ResponseInterceptor {

    /** Called once, before the head is written; may mutate the status and headers. */
    void onResponseHead(Exchange exchange, HttpResponse response);

    /**
     * Called for each body chunk in order; returns the chunk to write. Ownership: the interceptor receives the
     * chunk and must either return it or release it and return another. It may also return null to hold the chunk
     * back (nothing is written for it, later interceptors do not see it); a head deferred with
     * {@link Exchange#deferResponseHeadUntilContent} then stays deferred.
     */
    default HttpContent onResponseContent(Exchange exchange, HttpContent content) {
        return content;
    }
}
