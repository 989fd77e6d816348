/**
 * Traefik's access log (static {@code accessLog}; {@code entryPoints.<name>.observability.accessLogs},
 * {@code http.routers.<name>.observability.accessLogs}): {@link io.trafficcop.proxy.observability.accesslog.AccessLogger}
 * observes every exchange of the data plane, {@link io.trafficcop.proxy.observability.accesslog.AccessLogFilter}
 * and {@link io.trafficcop.proxy.observability.accesslog.AccessLogFieldPolicy} decide what is written,
 * {@link io.trafficcop.proxy.observability.accesslog.AccessLogFormat} how, and
 * {@link io.trafficcop.proxy.observability.accesslog.AccessLogWriter} writes it off the event loops.
 */
package io.trafficcop.proxy.observability.accesslog;
