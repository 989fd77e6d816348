package io.trafficcop.proxy.config.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.trafficcop.proxy.config.NotImplemented;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Pins which static keys TrafficCop implements: every key reachable from {@link StaticConfiguration} that
 * is not covered by {@link NotImplemented} (on the component, its record type or an enclosing one) must be
 * in this list, and nothing else. Unmark a key here and in the model in the change that implements it.
 */
class NotImplementedMarkingTest {

    private static final Set<String> IMPLEMENTED = Set.of(
            "global.checkNewVersion",
            "global.sendAnonymousUsage",
            "global.notAppendXForwardedFor",
            "serversTransport.insecureSkipVerify",
            "serversTransport.rootCAs",
            "serversTransport.maxIdleConnsPerHost",
            "serversTransport.forwardingTimeouts.dialTimeout",
            "serversTransport.forwardingTimeouts.responseHeaderTimeout",
            "serversTransport.forwardingTimeouts.idleConnTimeout",
            "entryPoints.<name>.address",
            "entryPoints.<name>.asDefault",
            "entryPoints.<name>.http.tls.options",
            "entryPoints.<name>.http.tls.certResolver",
            "entryPoints.<name>.http.tls.domains.main",
            "entryPoints.<name>.http.tls.domains.sans",
            "entryPoints.<name>.transport.lifeCycle.requestAcceptGraceTimeout",
            "entryPoints.<name>.transport.lifeCycle.graceTimeOut",
            "entryPoints.<name>.transport.respondingTimeouts.readTimeout",
            "entryPoints.<name>.transport.respondingTimeouts.writeTimeout",
            "entryPoints.<name>.transport.respondingTimeouts.idleTimeout",
            "entryPoints.<name>.transport.keepAliveMaxTime",
            "entryPoints.<name>.transport.keepAliveMaxRequests",
            "entryPoints.<name>.forwardedHeaders.insecure",
            "entryPoints.<name>.forwardedHeaders.trustedIPs",
            "entryPoints.<name>.forwardedHeaders.connection",
            "entryPoints.<name>.forwardedHeaders.notAppendXForwardedFor",
            "entryPoints.<name>.forwardedHeaders.addXForwardedSchemeHeaders",
            "entryPoints.<name>.http.redirections.entryPoint.to",
            "entryPoints.<name>.http.redirections.entryPoint.scheme",
            "entryPoints.<name>.http.redirections.entryPoint.permanent",
            "entryPoints.<name>.http.redirections.entryPoint.priority",
            "entryPoints.<name>.http.middlewares",
            "entryPoints.<name>.http2.maxConcurrentStreams",
            "providers.providersThrottleDuration",
            "providers.file.directory",
            "providers.file.watch",
            "providers.file.filename",
            "providers.file.debugLogGeneratedTemplate",
            "ping.entryPoint",
            "ping.manualRouting",
            "ping.terminatingStatusCode",
            "log.level",
            "log.format",
            "log.noColor",
            "log.filePath",
            "core.defaultRuleSyntax",
            "certificatesResolvers.<name>.acme.caCertificates",
            "certificatesResolvers.<name>.acme.caServer",
            "certificatesResolvers.<name>.acme.caSystemCertPool",
            "certificatesResolvers.<name>.acme.certificateTimeout",
            "certificatesResolvers.<name>.acme.certificatesDuration",
            "certificatesResolvers.<name>.acme.clientTimeout",
            "certificatesResolvers.<name>.acme.eab.hmacEncoded",
            "certificatesResolvers.<name>.acme.eab.kid",
            "certificatesResolvers.<name>.acme.email",
            "certificatesResolvers.<name>.acme.httpChallenge.delay",
            "certificatesResolvers.<name>.acme.httpChallenge.entryPoint",
            "certificatesResolvers.<name>.acme.keyType",
            "certificatesResolvers.<name>.acme.preferredChain",
            "certificatesResolvers.<name>.acme.profile",
            "certificatesResolvers.<name>.acme.storage",
            "certificatesResolvers.<name>.acme.tlsChallenge.delay",
            "entryPoints.<name>.observability.accessLogs",
            "accessLog.filePath",
            "accessLog.format",
            "accessLog.bufferingSize",
            "accessLog.addInternals",
            "accessLog.filters.statusCodes",
            "accessLog.filters.retryAttempts",
            "accessLog.filters.minDuration",
            "accessLog.fields.defaultMode",
            "accessLog.fields.names",
            "accessLog.fields.headers.defaultMode",
            "accessLog.fields.headers.names",
            "accessLog.fields.queryParameters.defaultMode");

    @Test
    void implementedKeysAreExactlyTheUnmarkedOnes() {
        Set<String> unmarked = new TreeSet<>();
        collectUnmarked(StaticConfiguration.class, "", unmarked);

        assertThat(unmarked).containsExactlyInAnyOrderElementsOf(IMPLEMENTED);
    }

    @Test
    void everyMarkGivesAReason() {
        Set<String> withoutReason = new TreeSet<>();
        collectMarksWithoutReason(StaticConfiguration.class, "", withoutReason, new TreeSet<>());

        assertThat(withoutReason).isEmpty();
    }

    private static void collectUnmarked(Class<?> record, String prefix, Set<String> out) {
        if (record.isAnnotationPresent(NotImplemented.class)) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.isAnnotationPresent(NotImplemented.class)) {
                continue;
            }
            String path = prefix + component.getName();
            Class<?> nested = nestedRecord(component);
            if (nested == null) {
                out.add(path);
            } else {
                String nestedPrefix = isMap(component) ? path + ".<name>." : path + ".";
                collectUnmarked(nested, nestedPrefix, out);
            }
        }
    }

    private static void collectMarksWithoutReason(Class<?> record, String prefix, Set<String> out, Set<String> seen) {
        if (!seen.add(record.getName())) {
            return;
        }
        NotImplemented onType = record.getAnnotation(NotImplemented.class);
        if (onType != null && onType.value().isBlank()) {
            out.add(record.getSimpleName());
        }
        for (RecordComponent component : record.getRecordComponents()) {
            NotImplemented mark = component.getAnnotation(NotImplemented.class);
            if (mark != null && mark.value().isBlank()) {
                out.add(prefix + component.getName());
            }
            Class<?> nested = nestedRecord(component);
            if (nested != null) {
                collectMarksWithoutReason(nested, prefix + component.getName() + ".", out, seen);
            }
        }
    }

    private static boolean isMap(RecordComponent component) {
        return java.util.Map.class.isAssignableFrom(component.getType());
    }

    /** The record a component holds, directly or as the element of a list or the value of a map. */
    private static Class<?> nestedRecord(RecordComponent component) {
        Type type = component.getGenericType();
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            type = arguments[arguments.length - 1];
        }
        return type instanceof Class<?> c && c.isRecord() && c.getPackage().equals(StaticConfiguration.class.getPackage())
                ? c : null;
    }
}
