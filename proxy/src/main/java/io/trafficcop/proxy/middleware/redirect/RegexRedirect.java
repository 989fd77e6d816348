package io.trafficcop.proxy.middleware.redirect;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.CharsetUtil;
import io.trafficcop.proxy.http.Exchange;
import io.trafficcop.proxy.http.HeaderNames;
import io.trafficcop.proxy.http.HttpDate;
import io.trafficcop.proxy.http.HttpHandler;
import io.trafficcop.proxy.middleware.GoRegexp;
import java.util.function.Function;

/**
 * The engine shared by Traefik's redirectRegex and redirectScheme (pkg/middlewares/redirect): the request's URL as
 * the middleware sees it is matched against a regex; when it matches and the replacement yields a different URL,
 * the client is redirected there (302, 307 for non-GET; 301/308 when permanent; or a forced status), else the
 * request goes on. A replacement Go's url.Parse refuses answers 502 Bad Gateway, as Traefik's error handler does.
 */
public final class RegexRedirect {

    private final GoRegexp regex;
    private final GoRegexp.Template replacement;
    private final boolean permanent;
    private final int forcedStatus;
    private final Function<Exchange, String> requestUrl;

    /**
     * @param forcedStatus a status to use whatever the method (Traefik's internal StatusCode /
     *                     ForcePermanentRedirect), or 0
     * @param requestUrl   how the middleware spells the request's URL
     */
    public RegexRedirect(GoRegexp regex, String replacement, boolean permanent, int forcedStatus,
                         Function<Exchange, String> requestUrl) {
        this.regex = regex;
        this.replacement = regex.template(replacement);
        this.permanent = permanent;
        this.forcedStatus = forcedStatus;
        this.requestUrl = requestUrl;
    }

    public HttpHandler wrap(HttpHandler next) {
        return exchange -> handle(exchange, next);
    }

    private void handle(Exchange exchange, HttpHandler next) {
        String oldUrl = requestUrl.apply(exchange);
        if (!regex.matches(oldUrl)) {
            next.handle(exchange);
            return;
        }
        String newUrl = regex.replaceAll(oldUrl, replacement);
        String location;
        try {
            location = GoUrl.normalize(newUrl);
        } catch (IllegalArgumentException e) {
            respond(exchange, HttpResponseStatus.BAD_GATEWAY, null); // oxy's error handler: a url.Error is a 502
            return;
        }
        if (newUrl.equals(oldUrl)) {
            next.handle(exchange);
            return;
        }
        boolean get = HttpMethod.GET.equals(exchange.request().method());
        HttpResponseStatus status;
        if (forcedStatus > 0) {
            status = HttpResponseStatus.valueOf(forcedStatus);
        } else if (permanent) {
            status = get ? HttpResponseStatus.MOVED_PERMANENTLY : HttpResponseStatus.PERMANENT_REDIRECT;
        } else {
            status = get ? HttpResponseStatus.FOUND : HttpResponseStatus.TEMPORARY_REDIRECT;
        }
        respond(exchange, status, location);
    }

    /** Go's handlers write http.StatusText(status) as the body, which Go's server sniffs as text/plain. */
    private static void respond(Exchange exchange, HttpResponseStatus status, String location) {
        byte[] body = status.reasonPhrase().getBytes(CharsetUtil.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        if (location != null) {
            response.headers().set(HttpHeaderNames.LOCATION, location);
        }
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HeaderNames.TEXT_PLAIN_UTF8);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        response.headers().set(HttpHeaderNames.DATE, HttpDate.now());
        exchange.respond(response);
    }
}
