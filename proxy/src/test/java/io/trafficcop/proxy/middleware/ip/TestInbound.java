package io.trafficcop.proxy.middleware.ip;

import io.trafficcop.proxy.rule.RoutingRequest;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/** A minimal inbound request: headers (single values) and a peer address. */
record TestInbound(Map<String, String> headerMap, InetAddress clientAddress) implements RoutingRequest {

    static TestInbound of(String remoteIp, Map<String, String> headers) {
        try {
            return new TestInbound(headers, remoteIp == null ? null : InetAddress.getByName(remoteIp));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String rawPath() {
        return "/";
    }

    @Override
    public String rawQuery() {
        return "";
    }

    @Override
    public String header(String name) {
        for (var e : headerMap.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public List<String> headers(String name) {
        String value = header(name);
        return value == null ? List.of() : List.of(value);
    }
}
