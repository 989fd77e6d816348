package io.trafficcop.proxy.http;

import io.netty.util.AsciiString;

/** Header names the data plane sets or inspects, as {@link AsciiString} constants (no per-request allocation). */
public final class HeaderNames {

    public static final AsciiString X_FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    public static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
    public static final AsciiString X_FORWARDED_HOST = AsciiString.cached("X-Forwarded-Host");
    public static final AsciiString X_FORWARDED_PORT = AsciiString.cached("X-Forwarded-Port");
    public static final AsciiString X_FORWARDED_SERVER = AsciiString.cached("X-Forwarded-Server");
    public static final AsciiString X_FORWARDED_SCHEME = AsciiString.cached("X-Forwarded-Scheme");
    public static final AsciiString X_FORWARDED_URI = AsciiString.cached("X-Forwarded-Uri");
    public static final AsciiString X_FORWARDED_METHOD = AsciiString.cached("X-Forwarded-Method");
    public static final AsciiString X_FORWARDED_PREFIX = AsciiString.cached("X-Forwarded-Prefix");
    public static final AsciiString X_FORWARDED_TLS_CLIENT_CERT = AsciiString.cached("X-Forwarded-Tls-Client-Cert");
    public static final AsciiString X_FORWARDED_TLS_CLIENT_CERT_INFO =
            AsciiString.cached("X-Forwarded-Tls-Client-Cert-Info");
    public static final AsciiString X_SCHEME = AsciiString.cached("X-Scheme");
    public static final AsciiString X_REAL_IP = AsciiString.cached("X-Real-Ip");
    public static final AsciiString FORWARDED = AsciiString.cached("Forwarded");
    public static final AsciiString PROXY_CONNECTION = AsciiString.cached("Proxy-Connection");
    public static final AsciiString X_CONTENT_TYPE_OPTIONS = AsciiString.cached("X-Content-Type-Options");

    public static final AsciiString TEXT_PLAIN_UTF8 = AsciiString.cached("text/plain; charset=utf-8");
    public static final AsciiString NOSNIFF = AsciiString.cached("nosniff");
    public static final AsciiString WS = AsciiString.cached("ws");
    public static final AsciiString WSS = AsciiString.cached("wss");
    public static final AsciiString HTTP = AsciiString.cached("http");
    public static final AsciiString HTTPS = AsciiString.cached("https");

    private HeaderNames() {
    }
}
