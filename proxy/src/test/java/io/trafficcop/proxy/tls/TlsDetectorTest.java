package io.trafficcop.proxy.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Traefik's clientHelloInfo: the first byte of a connection says whether it is TLS. */
class TlsDetectorTest {

    @ParameterizedTest(name = "first bytes {0}: TLS = {1}")
    @CsvSource({
        "16 03 01 02 00, true",   // a TLS handshake record (ClientHello)
        "16,             true",   // one byte is enough to decide
        "80 2e 01,       true",   // an SSLv2 hello: TLS, refused by the handshake
        "47 45 54 20 2f, false",  // GET /
        "50 52 49 20 2a, false",  // PRI * (h2c prior knowledge)
        "17 03 03 00 10, false",  // application data first: not a handshake, so not TLS (as Traefik)
    })
    void decidesOnTheFirstByte(String hex, boolean tls) {
        AtomicBoolean plain = new AtomicBoolean();
        EmbeddedChannel channel = new EmbeddedChannel(new TlsDetector(() -> null, p -> { }, p -> { },
                p -> plain.set(true), Duration.ZERO));
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes(hex)));
            assertThat(channel.pipeline().get(TlsDetector.class)).isNull();
            assertThat(channel.pipeline().get(SniTlsHandler.class) != null).isEqualTo(tls);
            assertThat(plain.get()).isEqualTo(!tls);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static byte[] bytes(String hex) {
        String[] parts = hex.trim().split("\\s+");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }
}
