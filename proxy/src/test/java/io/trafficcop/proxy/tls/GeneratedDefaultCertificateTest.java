package io.trafficcop.proxy.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import io.trafficcop.proxy.config.dynamic.Certificate;
import io.trafficcop.proxy.config.dynamic.TlsConfiguration;
import io.trafficcop.proxy.config.dynamic.TlsStore;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/**
 * The generated default certificate (an RSA key generation) is asked for only when a handshake needs it or a snapshot
 * with TLS routers serves, and a handshake that needs it while it is being generated waits for it without blocking
 * the event loop.
 */
class GeneratedDefaultCertificateTest {

    static final TestPki.Issued CA = TestPki.ca("ca");
    static final ServedCertificate KNOWN = TestPki.server(CA, "known.test", "known.test").served();
    static final ServedCertificate GENERATED = TestPki.selfSigned("CN=TRAEFIK DEFAULT CERT", "x.traefik.default").served();

    private final AtomicInteger asked = new AtomicInteger();
    private final CompletableFuture<ServedCertificate> generation = new CompletableFuture<>();

    private TlsTermination termination(TlsConfiguration tls) {
        return TlsTermination.build(tls, List.of(new TlsTermination.ExtraCertificate(KNOWN, null, null)),
                new TlsAlpnChallengeCertificates(), () -> {
                    asked.incrementAndGet();
                    return generation;
                });
    }

    @Test
    void buildingAndServingKnownNamesNeverAsksForIt() throws Exception {
        SniSslContexts contexts = termination(null).forEntryPoint(List.of());
        var selection = contexts.select(hello("known.test"), null);
        assertThat(selection).isDone();
        assertThat(selection.join().certificate()).isSameAs(KNOWN);
        assertThat(asked).hasValue(0);
    }

    @Test
    void anUnknownNameWaitsForTheGenerationThenGetsIt() throws Exception {
        SniSslContexts contexts = termination(null).forEntryPoint(List.of());
        var selection = contexts.select(hello("unknown.test"), null);
        assertThat(selection).isNotDone();
        generation.complete(GENERATED);
        assertThat(selection).isDone();
        assertThat(selection.join().certificate()).isSameAs(GENERATED);
        assertThat(asked).hasValue(1);
    }

    @Test
    void aConfiguredStoreDefaultIsServedWithoutIt() throws Exception {
        TestPki.Issued storeDefault = TestPki.server(CA, "store default", "default.test");
        TlsConfiguration tls = new TlsConfiguration(null, null, Map.of(TlsTermination.DEFAULT_STORE,
                new TlsStore(new Certificate(storeDefault.certPem(), storeDefault.keyPem()), null)));
        TlsTermination termination = termination(tls);
        var selection = termination.forEntryPoint(List.of()).select(hello("unknown.test"), null);
        assertThat(selection).isDone();
        assertThat(ServedCertificate.commonName(selection.join().certificate().leaf())).isEqualTo("store default");
        termination.prepareDefaultCertificate();
        assertThat(asked).hasValue(0);
    }

    @Test
    void preparingStartsTheGenerationWhenTheDefaultStoreUsesIt() {
        termination(null).prepareDefaultCertificate();
        assertThat(asked).hasValue(1);
    }

    @Test
    void theHandshakeStartsOnTheEventLoopOnceTheCertificateIsGenerated() throws Exception {
        SniSslContexts contexts = termination(null).forEntryPoint(List.of());
        EmbeddedChannel channel = new EmbeddedChannel(new SniTlsHandler(() -> contexts));
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(clientHelloRecord("unknown.test")));
            assertThat(channel.pipeline().get(SslHandler.class)).isNull();
            assertThat(channel.pipeline().get(SniTlsHandler.class)).isNotNull();
            generation.complete(GENERATED);
            channel.runPendingTasks();
            assertThat(channel.pipeline().get(SniTlsHandler.class)).isNull();
            assertThat(channel.pipeline().get(SslHandler.class)).isNotNull();
            assertThat(channel.attr(TlsConnection.SERVER_NAME).get()).isEqualTo("unknown.test");
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void aConnectionClosedWhileWaitingIsLeftAlone() throws Exception {
        SniSslContexts contexts = termination(null).forEntryPoint(List.of());
        EmbeddedChannel channel = new EmbeddedChannel(new SniTlsHandler(() -> contexts));
        channel.writeInbound(Unpooled.wrappedBuffer(clientHelloRecord("unknown.test")));
        channel.close();
        generation.complete(GENERATED);
        channel.runPendingTasks();
        assertThat(channel.pipeline().get(SslHandler.class)).isNull();
        channel.finishAndReleaseAll();
    }

    private static ClientHello hello(String sni) throws Exception {
        var body = ClientHelloTest.helloBody(sni);
        try {
            return ClientHello.parse(body);
        } finally {
            body.release();
        }
    }

    /** A whole TLS record holding the JDK client's ClientHello for {@code sni}. */
    private static ByteBuffer clientHelloRecord(String sni) throws Exception {
        SSLEngine engine = SSLContext.getDefault().createSSLEngine("ignored", 443);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(sni)));
        engine.setSSLParameters(parameters);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        return out.flip();
    }
}
