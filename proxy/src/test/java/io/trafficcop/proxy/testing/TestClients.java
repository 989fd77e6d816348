package io.trafficcop.proxy.testing;

import java.net.http.HttpClient;

/**
 * java.net.http clients for the data plane tests. Allows setting the Host header (routing by host) — the JDK reads
 * this property once, so every test creates its clients here.
 */
public final class TestClients {

    static {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host,connection");
    }

    private TestClients() {
    }

    public static HttpClient http1() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    public static HttpClient http2() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    }
}
