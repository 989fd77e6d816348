package io.trafficcop.proxy.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.dynamic.DynamicConfiguration;
import io.trafficcop.proxy.config.dynamic.Middleware;
import io.trafficcop.proxy.config.load.CheckedDocument;
import io.trafficcop.proxy.config.load.ConfigBinder;
import io.trafficcop.proxy.middleware.basicauth.BasicAuthMiddleware;
import io.trafficcop.proxy.middleware.digestauth.DigestAuthMiddleware;
import io.trafficcop.proxy.middleware.inflightreq.InFlightReqMiddleware;
import io.trafficcop.proxy.middleware.ipallowlist.IpAllowListMiddleware;
import io.trafficcop.proxy.middleware.ipdenylist.IpDenyListMiddleware;
import io.trafficcop.proxy.middleware.jwt.JwtMiddleware;
import io.trafficcop.proxy.middleware.ratelimit.RateLimitMiddleware;
import io.trafficcop.proxy.middleware.ratelimit.RateLimitRegistry;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The access-control middlewares from Traefik-style dynamic configuration (YAML and TOML) to runtime objects: the
 * keys bind, no "not implemented" warning is left for them, and each builds from its record.
 */
class AccessControlMiddlewareConfigTest {

    static final String YAML = """
            http:
              middlewares:
                basic:
                  basicAuth:
                    users: ["test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/"]
                    realm: proxy
                    headerField: X-WebAuth-User
                    removeHeader: true
                digest:
                  digestAuth:
                    users: ["test:traefik:a2688e031edb4be6a3797f3882655c05"]
                allow:
                  ipAllowList:
                    sourceRange: ["127.0.0.1/32", "192.168.1.7"]
                    rejectStatusCode: 404
                    ipStrategy:
                      depth: 2
                      excludedIPs: ["10.0.0.0/8"]
                      ipv6Subnet: 64
                white:
                  ipWhiteList:
                    sourceRange: ["127.0.0.1/32"]
                deny:
                  ipDenyList:
                    sourceRange: ["203.0.113.0/24"]
                limit:
                  rateLimit:
                    average: 100
                    period: 1m
                    burst: 50
                    sourceCriterion:
                      requestHeaderName: X-Tenant
                inflight:
                  inFlightReq:
                    amount: 10
                    sourceCriterion:
                      ipStrategy:
                        depth: 1
                token:
                  jwt:
                    secret: 0123456789abcdef0123456789abcdef
                    issuer: https://issuer.test
                    audience: [api]
                    clockSkew: 30s
                    claims:
                      role: admin
                    forwardClaims:
                      sub: X-User
                    tokenCookie: session
            """;

    static final String TOML = """
            [http.middlewares.basic.basicAuth]
              users = ["test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/"]
              realm = "proxy"
              headerField = "X-WebAuth-User"
              removeHeader = true
            [http.middlewares.digest.digestAuth]
              users = ["test:traefik:a2688e031edb4be6a3797f3882655c05"]
            [http.middlewares.allow.ipAllowList]
              sourceRange = ["127.0.0.1/32", "192.168.1.7"]
              rejectStatusCode = 404
              [http.middlewares.allow.ipAllowList.ipStrategy]
                depth = 2
                excludedIPs = ["10.0.0.0/8"]
                ipv6Subnet = 64
            [http.middlewares.white.ipWhiteList]
              sourceRange = ["127.0.0.1/32"]
            [http.middlewares.deny.ipDenyList]
              sourceRange = ["203.0.113.0/24"]
            [http.middlewares.limit.rateLimit]
              average = 100
              period = "1m"
              burst = 50
              [http.middlewares.limit.rateLimit.sourceCriterion]
                requestHeaderName = "X-Tenant"
            [http.middlewares.inflight.inFlightReq]
              amount = 10
              [http.middlewares.inflight.inFlightReq.sourceCriterion.ipStrategy]
                depth = 1
            [http.middlewares.token.jwt]
              secret = "0123456789abcdef0123456789abcdef"
              issuer = "https://issuer.test"
              audience = ["api"]
              clockSkew = "30s"
              tokenCookie = "session"
              [http.middlewares.token.jwt.claims]
                role = "admin"
              [http.middlewares.token.jwt.forwardClaims]
                sub = "X-User"
            """;

    @ParameterizedTest
    @CsvSource({"dynamic.yml", "dynamic.toml"})
    void bindsAndBuilds(String file) {
        CheckedDocument document = CheckedDocument.parse(file, file.endsWith(".yml") ? YAML : TOML,
                DynamicConfiguration.class, Map.of());
        assertThat(document.problems()).isEmpty();
        DynamicConfiguration config = ConfigBinder.bind(document.tree(), DynamicConfiguration.class);
        Map<String, Middleware> m = config.http().middlewares();

        assertThat(m.get("basic").basicAuth().realm()).isEqualTo("proxy");
        assertThat(m.get("allow").ipAllowList().ipStrategy().excludedIPs()).containsExactly("10.0.0.0/8");
        assertThat(m.get("limit").rateLimit().period().toMillis()).isEqualTo(60_000L);
        assertThat(m.get("token").jwt().forwardClaims()).containsEntry("sub", "X-User");
        assertThat(m.get("deny").ipDenyList().rejectStatusCode()).isEqualTo(403);

        assertThat(new BasicAuthMiddleware(m.get("basic").basicAuth())).isNotNull();
        assertThat(new DigestAuthMiddleware(m.get("digest").digestAuth())).isNotNull();
        assertThat(new IpAllowListMiddleware(m.get("allow").ipAllowList())).isNotNull();
        assertThat(IpAllowListMiddleware.whiteList(m.get("white").ipWhiteList())).isNotNull();
        assertThat(new IpDenyListMiddleware(m.get("deny").ipDenyList())).isNotNull();
        assertThat(new RateLimitMiddleware("limit@file", m.get("limit").rateLimit(), new RateLimitRegistry()))
                .isNotNull();
        assertThat(new InFlightReqMiddleware(m.get("inflight").inFlightReq())).isNotNull();
        assertThat(new JwtMiddleware(m.get("token").jwt())).isNotNull();
    }
}
