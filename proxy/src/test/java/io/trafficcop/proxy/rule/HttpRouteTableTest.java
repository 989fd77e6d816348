package io.trafficcop.proxy.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpRouteTableTest {

    /** A router of a test case: name (with @provider), rule, priority (0 = default). */
    record R(String name, String rule, int priority) {
    }

    private static final List<String> PRECEDENCE =
            List.of("kubernetesgateway", "kubernetescrd", "kubernetes", "kubernetesingressnginx");

    /** Traefik's Test_addRoutePriority (mux_test.go). */
    static Stream<Arguments> priorityCases() {
        return Stream.of(
                Arguments.of("Higher priority on second rule", "/my",
                        List.of(new R("header1", "PathPrefix(`/my`)", 10), new R("header2", "PathPrefix(`/my`)", 20)), "header2"),
                Arguments.of("Higher priority on first rule", "/my",
                        List.of(new R("header1", "PathPrefix(`/my`)", 20), new R("header2", "PathPrefix(`/my`)", 10)), "header1"),
                Arguments.of("Higher priority on second rule with different rule", "/mypath",
                        List.of(new R("header1", "PathPrefix(`/mypath`)", 10), new R("header2", "PathPrefix(`/my`)", 20)), "header2"),
                Arguments.of("Higher priority on longest rule (longest first)", "/mypath",
                        List.of(new R("header1", "PathPrefix(`/mypath`)", 0), new R("header2", "PathPrefix(`/my`)", 0)), "header1"),
                Arguments.of("Higher priority on longest rule (longest second)", "/mypath",
                        List.of(new R("header1", "PathPrefix(`/my`)", 0), new R("header2", "PathPrefix(`/mypath`)", 0)), "header2"),
                Arguments.of("Higher priority on longest rule (longest third)", "/mypath",
                        List.of(new R("header1", "PathPrefix(`/my`)", 0), new R("header2", "PathPrefix(`/mypa`)", 0),
                                new R("header3", "PathPrefix(`/mypath`)", 0)), "header3"),
                Arguments.of("Same priority and rule, kubernetescrd wins over kubernetes", "/my",
                        List.of(new R("header1@kubernetes", "PathPrefix(`/my`)", 10),
                                new R("header2@kubernetescrd", "PathPrefix(`/my`)", 10)), "header2@kubernetescrd"),
                Arguments.of("Same priority and rule, kubernetesgateway wins over kubernetescrd", "/my",
                        List.of(new R("header1@kubernetescrd", "PathPrefix(`/my`)", 10),
                                new R("header2@kubernetesgateway", "PathPrefix(`/my`)", 10)), "header2@kubernetesgateway"),
                Arguments.of("Same priority and rule, kubernetesgateway wins over kubernetes", "/my",
                        List.of(new R("header1@kubernetesgateway", "PathPrefix(`/my`)", 10),
                                new R("header2@kubernetes", "PathPrefix(`/my`)", 10)), "header1@kubernetesgateway"),
                Arguments.of("Same priority and rule, kubernetescrd wins over kubernetesingressnginx", "/my",
                        List.of(new R("header1@kubernetesingressnginx", "PathPrefix(`/my`)", 10),
                                new R("header2@kubernetescrd", "PathPrefix(`/my`)", 10)), "header2@kubernetescrd"),
                Arguments.of("Same priority and rule, known provider wins over unknown provider", "/my",
                        List.of(new R("header1@unknownprovider", "PathPrefix(`/my`)", 10),
                                new R("header2@kubernetes", "PathPrefix(`/my`)", 10)), "header2@kubernetes"),
                Arguments.of("Higher numeric priority wins regardless of provider", "/my",
                        List.of(new R("header1@kubernetesingressnginx", "PathPrefix(`/my`)", 20),
                                new R("header2@kubernetesgateway", "PathPrefix(`/my`)", 10)), "header1@kubernetesingressnginx"),
                // Beyond Traefik's table: negative priorities sort after defaults; remaining ties go by name.
                Arguments.of("Negative priority loses to the default", "/my",
                        List.of(new R("a", "PathPrefix(`/my`)", -1), new R("b", "PathPrefix(`/`)", 0)), "b"),
                Arguments.of("Full tie broken by router name", "/my",
                        List.of(new R("zeta@file", "PathPrefix(`/my`)", 0), new R("alpha@file", "PathPrefix(`/my`)", 0)), "alpha@file"),
                Arguments.of("Provider precedence before name (default list: docker before file)", "/my",
                        List.of(new R("a@file", "PathPrefix(`/my`)", 5), new R("b@docker", "PathPrefix(`/my`)", 5)), "b@docker"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("priorityCases")
    void priority(String desc, String path, List<R> routers, String expected) throws RuleException {
        HttpRouteTable.Builder<String> builder = HttpRouteTable.builder();
        if (!desc.contains("default list")) {
            builder.providersPrecedence(PRECEDENCE);
        }
        for (R r : routers) {
            builder.add(r.name(), r.rule(), RuleSyntax.V3, r.priority(), r.name());
        }
        HttpRouteTable<String> table = builder.build();
        assertThat(table.match(TestRequest.get("http://localhost" + path))).isEqualTo(expected);
        assertThat(table.size()).isEqualTo(routers.size());
    }

    @Test
    void defaultPriorityIsRuleLengthInBytes() {
        assertThat(HttpRouteTable.defaultPriority("Host(`example.org`)")).isEqualTo(19);
        assertThat(HttpRouteTable.defaultPriority("Path(`/é`)")).isEqualTo(11);
    }

    @Test
    void noMatchGivesNull() throws RuleException {
        HttpRouteTable<String> table = HttpRouteTable.<String>builder()
                .add("a", "Host(`a.example.com`)", RuleSyntax.V3, 0, "a").build();
        assertThat(table.match(TestRequest.get("http://b.example.com/"))).isNull();
        assertThat(HttpRouteTable.<String>builder().build().match(TestRequest.get("http://x/"))).isNull();
    }

    @Test
    void invalidRuleIsReportedWithTraefiksWrapping() {
        assertThatThrownBy(() -> HttpRouteTable.<String>builder().add("a", "Host(``)", RuleSyntax.V3, 0, "a"))
                .isInstanceOf(RuleException.class)
                .hasMessage("error while parsing rule Host(``): adding rule Host(``): error while checking rule Host: "
                        + "empty args for matcher Host, []");
    }

    @Test
    void hostIndexEvaluatesOnlyTheRequestHostsRouters() throws RuleException {
        HttpRouteTable.Builder<Integer> builder = HttpRouteTable.builder();
        for (int i = 0; i < 5000; i++) {
            builder.add("r" + i, "Host(`h" + i + ".example.com`) && PathPrefix(`/x`)", RuleSyntax.V3, 0, i);
        }
        builder.add("catchall", "PathPrefix(`/`)", RuleSyntax.V3, 1, -1);
        HttpRouteTable<Integer> table = builder.build();
        assertThat(table.fallbackSize()).isEqualTo(1);

        AtomicInteger hostReads = new AtomicInteger();
        TestRequest base = TestRequest.get("http://H4321.example.com:8080/x/y");
        RoutingRequest counting = new CountingRequest(base, hostReads);
        assertThat(table.match(counting)).isEqualTo(4321);
        // one read for the index lookup, one for the router's Host matcher: not one per router
        assertThat(hostReads.get()).isLessThanOrEqualTo(2);

        hostReads.set(0);
        assertThat(table.match(new CountingRequest(TestRequest.get("http://h4321.example.com/other"), hostReads))).isEqualTo(-1);
        assertThat(hostReads.get()).isLessThanOrEqualTo(2);
    }

    /** Delegates to a TestRequest and counts canonical-host reads. */
    private record CountingRequest(TestRequest delegate, AtomicInteger hostReads) implements RoutingRequest {
        public String host() {
            return delegate.host();
        }

        public String canonicalHost() {
            hostReads.incrementAndGet();
            return delegate.canonicalHost();
        }

        public String method() {
            return delegate.method();
        }

        public String rawPath() {
            return delegate.rawPath();
        }

        public String rawQuery() {
            return delegate.rawQuery();
        }

        public String header(String name) {
            return delegate.header(name);
        }

        public List<String> headers(String name) {
            return delegate.headers(name);
        }

        public java.net.InetAddress clientAddress() {
            return delegate.clientAddress();
        }
    }

    private static final String[] HOSTS = {"a.example.com", "b.example.com", "c.example.com", "A.Example.COM",
        "a.example.com.", "sa.example.com", "10::10", "127.0.0.1", "d.test"};

    private static final String[] WILDCARDS = {"*.example.com", "*.EXAMPLE.com.", "*.", "*.test", "*x.example.com"};

    private static String randomLeaf(Random rnd, boolean v2) {
        String host = HOSTS[rnd.nextInt(HOSTS.length)];
        return switch (rnd.nextInt(v2 ? 8 : 9)) {
            case 0, 1, 2 -> "Host(`" + host + "`)";
            case 3 -> "PathPrefix(`/" + (char) ('a' + rnd.nextInt(3)) + "`)";
            case 4 -> "Method(`" + (rnd.nextBoolean() ? "GET" : "POST") + "`)";
            case 5 -> v2 ? "Host(`" + host + "`, `" + HOSTS[rnd.nextInt(HOSTS.length)] + "`)"
                    : "Host(`" + WILDCARDS[rnd.nextInt(WILDCARDS.length)] + "`)";
            case 6 -> v2 ? "HostRegexp(`{sub:[a-c]}.example.com`)" : "HostRegexp(`^[a-c]\\.example\\.com$`)";
            case 7 -> v2 ? "HostHeader(`" + host + "`)" : "Header(`X-Env`, `prod`)";
            default -> "Host(`*`)";
        };
    }

    private static String randomRule(Random rnd, boolean v2, int depth) {
        if (depth == 0 || rnd.nextInt(3) == 0) {
            String leaf = randomLeaf(rnd, v2);
            return rnd.nextInt(6) == 0 ? "!" + leaf : leaf;
        }
        String op = rnd.nextInt(3) == 0 ? " || " : " && ";
        String rule = randomRule(rnd, v2, depth - 1) + op + randomRule(rnd, v2, depth - 1);
        return switch (rnd.nextInt(4)) {
            case 0 -> "(" + rule + ")";
            case 1 -> "!(" + rule + ")";
            default -> rule;
        };
    }

    @Test
    void wildcardHostsAreIndexedToo() throws RuleException {
        HttpRouteTable.Builder<String> builder = HttpRouteTable.builder();
        for (int i = 0; i < 1000; i++) {
            builder.add("w" + i, "Host(`*.d" + i + ".example.com`)", RuleSyntax.V3, 0, "w" + i);
        }
        builder.add("exact", "Host(`x.d7.example.com`) && Path(`/`)", RuleSyntax.V3, 0, "exact");
        HttpRouteTable<String> table = builder.build();
        assertThat(table.fallbackSize()).isZero();
        assertThat(table.match(TestRequest.get("http://x.d7.example.com/"))).isEqualTo("exact");
        assertThat(table.match(TestRequest.get("http://X.d7.EXAMPLE.com./a"))).isEqualTo("w7");
        assertThat(table.match(TestRequest.get("http://a.b.d7.example.com/a"))).isNull();
        assertThat(table.match(TestRequest.get("http://d7.example.com/a"))).isNull();
    }

    @Test
    void hostIndexGivesTheSameResultAsALinearScan() throws RuleException {
        Random rnd = new Random(20261122L);
        String[] requestHosts = {"a.example.com", "A.EXAMPLE.COM:443", "a.example.com.", "b.example.com", "c.example.com",
            "sa.example.com", "\u017Fa.example.com", "[10::10]:80", "[10::10]", "127.0.0.1:8080", "d.test", "d.test.",
            "unknown.example.com", "", "x.example.com", "localhost", "localhost.", "a.b.example.com", "*.example.com"};
        String[] paths = {"/", "/a", "/b/x", "/c", "/zz"};
        for (int round = 0; round < 150; round++) {
            HttpRouteTable.Builder<String> builder = HttpRouteTable.builder();
            int n = 1 + rnd.nextInt(40);
            for (int i = 0; i < n; i++) {
                boolean v2 = rnd.nextInt(4) == 0;
                String rule = randomRule(rnd, v2, 3);
                int priority = rnd.nextInt(3) == 0 ? rnd.nextInt(5) - 1 : 0;
                String name = "r" + rnd.nextInt(10) + "@" + (rnd.nextBoolean() ? "file" : "docker");
                builder.add(name, rule, v2 ? RuleSyntax.V2 : RuleSyntax.V3, priority, name + ":" + rule);
            }
            HttpRouteTable<String> table = builder.build();
            for (int q = 0; q < 40; q++) {
                String url = "http://" + requestHosts[rnd.nextInt(requestHosts.length)] + paths[rnd.nextInt(paths.length)];
                TestRequest request = TestRequest.of(rnd.nextBoolean() ? "GET" : "POST", url,
                        rnd.nextBoolean() ? Map.of("X-Env", List.of("prod")) : Map.of(), null);
                HttpRouteTable.Route<String> expected = table.scan(request);
                assertThat(table.match(request)).as("round %d %s", round, url)
                        .isEqualTo(expected == null ? null : expected.target());
            }
        }
    }

    @Test
    void routerNamesAreInMatchingOrder() throws RuleException {
        List<String> names = new ArrayList<>(HttpRouteTable.<String>builder()
                .add("short", "Path(`/`)", RuleSyntax.V3, 0, "s")
                .add("long", "Path(`/longer`)", RuleSyntax.V3, 0, "l")
                .add("explicit", "Path(`/`)", RuleSyntax.V3, 100, "e")
                .build().routerNames());
        assertThat(names).containsExactly("explicit", "long", "short");
    }
}
