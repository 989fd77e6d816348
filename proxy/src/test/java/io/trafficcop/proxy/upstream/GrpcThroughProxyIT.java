package io.trafficcop.proxy.upstream;

import static io.trafficcop.proxy.upstream.TestCertificates.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.LoadBalancerSettings;
import io.trafficcop.proxy.runtime.ServersTransportSettings;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.runtime.UpstreamTlsSettings;
import io.trafficcop.proxy.server.ProxyServer;
import io.trafficcop.proxy.testing.LeakCheck;
import io.trafficcop.proxy.testing.Services;
import io.trafficcop.proxy.testing.TestRoutes;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real gRPC call (grpc-java's health service) through the proxy: the client speaks h2c to the entry point, the
 * proxy speaks h2c or h2 over TLS to the gRPC server; unary, server-streaming and bidirectional-streaming calls;
 * statuses travel in trailers (or trailers-only responses).
 */
class GrpcThroughProxyIT {

    static Server plain;
    static Server tls;
    static ProxyServer proxy;
    static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        LeakCheck.paranoid();
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("greeter", HealthCheckResponse.ServingStatus.NOT_SERVING);
        var cert = TestCertificates.leaf(null, "grpc", ip("127.0.0.1"));
        plain = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(health.getHealthService())
                .addService(io.grpc.protobuf.services.ProtoReflectionServiceV1.newInstance()).build().start();
        tls = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .sslContext(GrpcSslContexts.forServer(
                        new ByteArrayInputStream(cert.certPem().getBytes(StandardCharsets.US_ASCII)),
                        new ByteArrayInputStream(cert.keyPem().getBytes(StandardCharsets.US_ASCII))).build())
                .addService(health.getHealthService())
                .addService(io.grpc.protobuf.services.ProtoReflectionServiceV1.newInstance()).build().start();
        var insecure = new ServersTransportSettings("insecure", 0, Duration.ofSeconds(5), Duration.ZERO,
                Duration.ofSeconds(90), new UpstreamTlsSettings(null, true, null, null, null, null, null, null), false,
                null, null);
        TestRoutes routes = new TestRoutes()
                .rule("h2c@test", "Header(`x-upstream`, `h2c`)", 100,
                        Services.loadBalancer("h2c", "h2c://127.0.0.1:" + plain.getPort()))
                .rule("h2@test", "Header(`x-upstream`, `h2`)", 90, Services.loadBalancer("h2", insecure,
                        LoadBalancerSettings.DEFAULTS, "https://127.0.0.1:" + tls.getPort()));
        proxy = new ProxyServer(2);
        proxy.start(List.of(EntryPointSettings.of("web", "127.0.0.1:0")), new Snapshot(Map.of("web", routes)));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", proxy.boundPort("web")).usePlaintext().build();
    }

    @AfterAll
    static void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        proxy.shutdown();
        plain.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        tls.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static HealthGrpc.HealthBlockingStub stub(String upstream) {
        io.grpc.Metadata metadata = new io.grpc.Metadata();
        metadata.put(io.grpc.Metadata.Key.of("x-upstream", io.grpc.Metadata.ASCII_STRING_MARSHALLER), upstream);
        return HealthGrpc.newBlockingStub(channel)
                .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(metadata))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2c", "h2"})
    void unaryCallsSucceedThroughTheProxy(String upstream) {
        var stub = stub(upstream);
        assertThat(stub.check(HealthCheckRequest.newBuilder().setService("").build()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(stub.check(HealthCheckRequest.newBuilder().setService("greeter").build()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.NOT_SERVING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2c", "h2"})
    void errorStatusesTravelInTrailers(String upstream) {
        assertThatThrownBy(() -> stub(upstream).check(HealthCheckRequest.newBuilder().setService("unknown").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2c", "h2"})
    void bidirectionalStreamingCallsExchangeMessagesBothWays(String upstream) throws Exception {
        // server reflection is a bidi stream: each request message gets its answer while the call stays open
        var received = new java.util.concurrent.LinkedBlockingQueue<ServerReflectionResponse>();
        var finished = new java.util.concurrent.CompletableFuture<Status>();
        io.grpc.Metadata metadata = new io.grpc.Metadata();
        metadata.put(io.grpc.Metadata.Key.of("x-upstream", io.grpc.Metadata.ASCII_STRING_MARSHALLER), upstream);
        var requests = ServerReflectionGrpc.newStub(channel)
                .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(metadata))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .serverReflectionInfo(new io.grpc.stub.StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse value) {
                        received.add(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        finished.complete(Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {
                        finished.complete(Status.OK);
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        var first = received.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.getListServicesResponse().getServiceList())
                .extracting(s -> s.getName()).contains("grpc.health.v1.Health");
        requests.onNext(ServerReflectionRequest.newBuilder().setFileContainingSymbol("grpc.health.v1.Health").build());
        var second = received.poll(10, TimeUnit.SECONDS);
        assertThat(second).isNotNull();
        assertThat(second.hasFileDescriptorResponse()).isTrue();
        requests.onCompleted();
        assertThat(finished.get(10, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2c", "h2"})
    void serverStreamingCallsDeliverMessages(String upstream) {
        var responses = stub(upstream).watch(HealthCheckRequest.newBuilder().setService("greeter").build());
        assertThat(responses.next().getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.NOT_SERVING);
    }
}
