package io.trafficcop.proxy.tls;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import javax.net.ssl.SSLSession;

/** The TLS facts of a client connection, for HTTP/1.1 channels and HTTP/2 stream channels (whose parent holds TLS). */
public final class TlsConnection {

    /** The lower-cased SNI host name the client sent ("" when none). */
    public static final AttributeKey<String> SERVER_NAME = AttributeKey.valueOf("trafficcop.tls.serverName");

    /** The {@code tls.options} name the handshake used (Traefik's {@code tcp.GetTLSOptionsName}). */
    public static final AttributeKey<String> OPTIONS_NAME = AttributeKey.valueOf("trafficcop.tls.optionsName");

    private TlsConnection() {
    }

    /** The connection's TLS session, or null on a plain connection. */
    public static SSLSession session(Channel channel) {
        for (Channel c = channel; c != null; c = c.parent()) {
            SslHandler ssl = c.pipeline().get(SslHandler.class);
            if (ssl != null) {
                return ssl.engine().getSession();
            }
        }
        return null;
    }

    /** The TLS options name the connection's handshake used, or null on a plain connection. */
    public static String optionsName(Channel channel) {
        for (Channel c = channel; c != null; c = c.parent()) {
            String name = c.attr(OPTIONS_NAME).get();
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    /** The SNI host name of the connection, or null on a plain connection. */
    public static String serverName(Channel channel) {
        for (Channel c = channel; c != null; c = c.parent()) {
            String name = c.attr(SERVER_NAME).get();
            if (name != null) {
                return name;
            }
        }
        return null;
    }
}
