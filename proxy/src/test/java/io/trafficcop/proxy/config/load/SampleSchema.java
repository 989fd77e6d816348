package io.trafficcop.proxy.config.load;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;
import java.util.List;
import java.util.Map;

/** A small configuration schema shaped like Traefik's, for testing the generic loading machinery. */
final class SampleSchema {

    private SampleSchema() {
    }

    record Root(Map<String, EntryPoint> entryPoints, Api api, Http http, Log log, Providers providers) {
    }

    record EntryPoint(String address, Transport transport, ForwardedHeaders forwardedHeaders, EntryPointHttp http) {
    }

    record Transport(GoDuration keepAliveMaxTime, Integer keepAliveMaxRequests) {
    }

    record ForwardedHeaders(Boolean insecure, List<String> trustedIPs) {
    }

    record EntryPointHttp(Tls tls, List<String> middlewares) {
    }

    record Tls(String certResolver, List<Domain> domains) {
    }

    record Domain(String main, List<String> sans) {
    }

    record Api(Boolean insecure, Boolean dashboard) {
    }

    record Log(String level) {
    }

    record Providers(GoDuration providersThrottleDuration, @NotImplemented("the docker provider") Docker docker) {
    }

    record Docker(String endpoint) {
    }

    record Http(Map<String, Router> routers) {
    }

    record Router(String rule, Integer priority, List<String> middlewares, String service) {
    }
}
