package io.trafficcop.proxy.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/** Parses ClientHellos produced by the JDK's own TLS client. */
class ClientHelloTest {

    static ByteBuf helloBody(String sni, String... alpn) throws Exception {
        SSLEngine engine = SSLContext.getDefault().createSSLEngine("ignored", 443);
        engine.setUseClientMode(true);
        SSLParameters p = engine.getSSLParameters();
        if (sni != null) {
            p.setServerNames(List.of(new SNIHostName(sni)));
        } else {
            p.setServerNames(List.of());
        }
        p.setApplicationProtocols(alpn);
        engine.setSSLParameters(p);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        out.flip();
        // record header (5) + handshake header (4): the handler hands over the body from client_version
        out.position(9);
        return Unpooled.wrappedBuffer(out);
    }

    @Test
    void readsTheServerNameAndAlpnProtocols() throws Exception {
        ByteBuf body = helloBody("Www.Example.TEST", "acme-tls/1", "h2");
        try {
            ClientHello hello = ClientHello.parse(body);
            assertThat(hello.serverName()).isEqualTo("www.example.test");
            assertThat(hello.alpnProtocols()).containsExactly("acme-tls/1", "h2");
            assertThat(body.readerIndex()).isZero();
        } finally {
            body.release();
        }
    }

    @Test
    void toleratesAbsentExtensionsAndGarbage() throws Exception {
        ByteBuf body = helloBody(null);
        try {
            assertThat(ClientHello.parse(body).serverName()).isEmpty();
        } finally {
            body.release();
        }
        assertThat(ClientHello.parse(null)).isEqualTo(ClientHello.EMPTY);
        ByteBuf garbage = Unpooled.wrappedBuffer(new byte[] {1, 2, 3});
        try {
            assertThat(ClientHello.parse(garbage)).isEqualTo(ClientHello.EMPTY);
        } finally {
            garbage.release();
        }
    }
}
