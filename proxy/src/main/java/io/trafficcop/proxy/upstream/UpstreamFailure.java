package io.trafficcop.proxy.upstream;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.timeout.TimeoutException;

/** Traefik's status codes for forwarding errors (pkg/proxy/httputil ComputeStatusCode): timeouts 504, else 502. */
final class UpstreamFailure {

    private UpstreamFailure() {
    }

    static HttpResponseStatus statusOf(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException || t instanceof TimeoutException
                    || t instanceof java.net.SocketTimeoutException) {
                return HttpResponseStatus.GATEWAY_TIMEOUT;
            }
        }
        return HttpResponseStatus.BAD_GATEWAY;
    }
}
