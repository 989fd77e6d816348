package io.trafficcop.proxy.rule;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A RoutingRequest built from a URL (as Go's httptest.NewRequest), headers and a remote address. */
record TestRequest(String host, String method, String rawPath, String rawQuery,
        Map<String, List<String>> headerMap, InetAddress clientAddress) implements RoutingRequest {

    static TestRequest get(String url) {
        return of("GET", url, Map.of(), null);
    }

    static TestRequest of(String method, String url, Map<String, List<String>> headers, String remoteIp) {
        String rest = url;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
        }
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int slash = rest.indexOf('/');
        int question = rest.indexOf('?');
        int authorityEnd = slash < 0 ? (question < 0 ? rest.length() : question)
                : (question >= 0 && question < slash ? question : slash);
        String host = rest.substring(0, authorityEnd);
        String pathAndQuery = rest.substring(authorityEnd);
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> map.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        InetAddress address = null;
        if (remoteIp != null && !remoteIp.isEmpty()) {
            String ipText = HostNames.splitHostPortHost(remoteIp);
            address = ip(ipText != null ? ipText : remoteIp); // null: unparsable, never matches ClientIP
        }
        return new TestRequest(host, method, path, query, map, address);
    }

    TestRequest withHeader(String name, String... values) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.putAll(headerMap);
        map.put(name, List.of(values));
        return new TestRequest(host, method, rawPath, rawQuery, map, clientAddress);
    }

    TestRequest withMethod(String m) {
        return new TestRequest(host, m, rawPath, rawQuery, headerMap, clientAddress);
    }

    TestRequest withRemote(String ip) {
        return of(method, "http://" + host + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery), headerMap, ip);
    }

    @Override
    public String header(String name) {
        List<String> values = headerMap.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public List<String> headers(String name) {
        List<String> values = headerMap.get(name.toLowerCase(Locale.ROOT));
        return values == null ? List.of() : values;
    }

    /** A literal IP (never a DNS lookup), or null if it is not one. */
    static InetAddress ip(String literal) {
        byte[] bytes = GoIp.parseAddr(literal, true);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
