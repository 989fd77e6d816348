package io.trafficcop.proxy.http;

import java.net.InetAddress;
import java.util.List;

/**
 * The read-only view of a request the router matches on (host without port, method, raw path and query, headers,
 * client address), implemented over Netty's request head without copying. Mirrors the rule engine's
 * {@code RoutingRequest}.
 */
public interface InboundRequest {

    String host();

    String method();

    String rawPath();

    String rawQuery();

    String header(String name);

    List<String> headers(String name);

    InetAddress clientAddress();
}
