package io.trafficcop.proxy.upstream;

import io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link UpstreamTlsIT}'s cases with the JDK's TLS engine, the fallback when netty-tcnative does not load. */
class UpstreamTlsJdkEngineIT extends UpstreamTlsIT {

    private static SslProvider previous;

    @BeforeAll
    static void useJdkEngine() {
        previous = UpstreamSslContexts.provider;
        UpstreamSslContexts.provider = SslProvider.JDK;
    }

    @AfterAll
    static void restoreEngine() {
        UpstreamSslContexts.provider = previous;
    }
}
