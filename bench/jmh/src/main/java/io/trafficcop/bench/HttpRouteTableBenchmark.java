package io.trafficcop.bench;

import io.trafficcop.proxy.rule.HttpRouteTable;
import io.trafficcop.proxy.rule.RoutingRequest;
import io.trafficcop.proxy.rule.RuleException;
import io.trafficcop.proxy.rule.RuleSyntax;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of routing one request ({@link HttpRouteTable#match}) with 1 or 10,000 {@code Host(`...`)} routers (the
 * "per-request cost within 2x of one router" target), for a host-indexed rule and for rules the host index cannot
 * serve (a {@code PathPrefix} fallback scan), and the cost of compiling 10,000 routers (part of a reload).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class HttpRouteTableBenchmark {

    @Param({"1", "10000"})
    public int routers;

    private HttpRouteTable<String> hostTable;
    private HttpRouteTable<String> hostAndPathTable;
    private String hitHost;

    @Setup
    public void setUp() throws RuleException {
        hostTable = hostRouters(routers, "");
        hostAndPathTable = hostRouters(routers, " && PathPrefix(`/api`)");
        hitHost = "h" + (routers / 2) + ".bench.local:8080";
    }

    static HttpRouteTable<String> hostRouters(int n, String andRule) throws RuleException {
        HttpRouteTable.Builder<String> builder = HttpRouteTable.builder();
        for (int i = 0; i < n; i++) {
            builder.add("r" + i + "@file", "Host(`h" + i + ".bench.local`)" + andRule, RuleSyntax.V3, 0, "s" + i);
        }
        return builder.build();
    }

    /** A request to one of the host-indexed routers. */
    @Benchmark
    public String matchHost() {
        return hostTable.match(new Request(hitHost, "/api/users/42", "page=3"));
    }

    /** Host and a path prefix: the host index narrows, the path matcher runs. */
    @Benchmark
    public String matchHostAndPath() {
        return hostAndPathTable.match(new Request(hitHost, "/api/users/42", "page=3"));
    }

    /** A host no router names: the 404 path. */
    @Benchmark
    public String matchUnknownHost() {
        return hostTable.match(new Request("unknown.bench.local", "/api/users/42", ""));
    }

    /** Parsing, compiling and indexing every router (done on each reload). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3)
    @Measurement(iterations = 5)
    public HttpRouteTable<String> build() throws RuleException {
        return hostRouters(routers, "");
    }

    /**
     * What the data plane hands the matcher: a new one per request (as an Exchange), its derived views computed
     * once and cached, as Exchange does.
     */
    static final class Request implements RoutingRequest {
        private final String host;
        private final String path;
        private final String query;
        private String canonicalHost;
        private String routingPath;

        Request(String host, String path, String query) {
            this.host = host;
            this.path = path;
            this.query = query;
        }

        @Override
        public String host() {
            return host;
        }

        @Override
        public String method() {
            return "GET";
        }

        @Override
        public String rawPath() {
            return path;
        }

        @Override
        public String rawQuery() {
            return query;
        }

        @Override
        public String header(String name) {
            return null;
        }

        @Override
        public List<String> headers(String name) {
            return List.of();
        }

        @Override
        public InetAddress clientAddress() {
            return InetAddress.getLoopbackAddress();
        }

        @Override
        public String canonicalHost() {
            if (canonicalHost == null) {
                canonicalHost = RoutingRequest.super.canonicalHost();
            }
            return canonicalHost;
        }

        @Override
        public String routingPath() {
            if (routingPath == null) {
                routingPath = RoutingRequest.super.routingPath();
            }
            return routingPath;
        }
    }
}
