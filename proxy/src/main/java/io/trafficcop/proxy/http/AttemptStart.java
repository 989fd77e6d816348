package io.trafficcop.proxy.http;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Where an exchange stood before its first attempt — request head, response interceptors and gates — so that a
 * middleware that sends the request again (retry, buffering's retryExpression) starts each new attempt from
 * there, with what the previous attempt's handlers changed undone.
 */
public final class AttemptStart {

    private final String uri;
    private final HttpHeaders headers;
    private final HttpVersion version;
    private final int interceptors;
    private final int gates;

    private AttemptStart(Exchange exchange) {
        HttpRequest request = exchange.request();
        this.uri = request.uri();
        this.headers = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders()
                .set(request.headers());
        this.version = request.protocolVersion();
        this.interceptors = exchange.interceptorCount();
        this.gates = exchange.responseGateCount();
    }

    /** Records where {@code exchange} stands now. */
    public static AttemptStart of(Exchange exchange) {
        return new AttemptStart(exchange);
    }

    /** Puts {@code exchange} back where it stood, for a new attempt (counted for the access log). */
    public void restore(Exchange exchange) {
        HttpRequest request = exchange.request();
        request.setUri(uri);
        request.headers().set(headers);
        request.setProtocolVersion(version);
        exchange.resetAttempt(interceptors, gates);
        exchange.recordRetryAttempt();
    }

    public String uri() {
        return uri;
    }
}
