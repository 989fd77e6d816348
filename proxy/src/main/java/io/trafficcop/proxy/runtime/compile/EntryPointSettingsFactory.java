package io.trafficcop.proxy.runtime.compile;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.install.EntryPoint;
import io.trafficcop.proxy.config.install.EntryPointsTransport;
import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.validate.ListenAddress;
import io.trafficcop.proxy.runtime.EntryPointSettings;
import io.trafficcop.proxy.runtime.ForwardedHeadersSettings;
import io.trafficcop.proxy.runtime.LifeCycleSettings;
import io.trafficcop.proxy.runtime.RespondingTimeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The data plane's settings for each TCP entry point of the static configuration ({@code entryPoints}). */
public final class EntryPointSettingsFactory {

    private EntryPointSettingsFactory() {
    }

    public static List<EntryPointSettings> of(StaticConfiguration config) {
        List<EntryPointSettings> settings = new ArrayList<>();
        Map<String, EntryPoint> entryPoints = config.entryPoints() == null ? Map.of() : config.entryPoints();
        entryPoints.forEach((name, entryPoint) -> {
            if (ListenAddress.parse(entryPoint.address()).udp()) {
                return;
            }
            settings.add(of(name, entryPoint));
        });
        return settings;
    }

    static EntryPointSettings of(String name, EntryPoint entryPoint) {
        EntryPointSettings settings = EntryPointSettings.of(name, entryPoint.address());
        EntryPointsTransport transport = entryPoint.transport();
        if (transport != null) {
            if (transport.respondingTimeouts() != null) {
                var timeouts = transport.respondingTimeouts();
                settings = settings.withRespondingTimeouts(new RespondingTimeouts(
                        duration(timeouts.readTimeout()), duration(timeouts.writeTimeout()),
                        duration(timeouts.idleTimeout())));
            }
            settings = settings.withKeepAlive(transport.keepAliveMaxRequests() == null ? 0 : transport.keepAliveMaxRequests(),
                    duration(transport.keepAliveMaxTime()));
            if (transport.lifeCycle() != null) {
                settings = settings.withLifeCycle(new LifeCycleSettings(
                        duration(transport.lifeCycle().requestAcceptGraceTimeout()),
                        duration(transport.lifeCycle().graceTimeOut())));
            }
        }
        if (entryPoint.http2() != null && entryPoint.http2().maxConcurrentStreams() != null) {
            settings = settings.withHttp2MaxConcurrentStreams(entryPoint.http2().maxConcurrentStreams());
        }
        if (entryPoint.forwardedHeaders() != null) {
            var forwarded = entryPoint.forwardedHeaders();
            settings = settings.withForwardedHeaders(new ForwardedHeadersSettings(Boolean.TRUE.equals(forwarded.insecure()),
                    forwarded.trustedIPs() == null ? List.of() : forwarded.trustedIPs(),
                    forwarded.connection() == null ? List.of() : forwarded.connection(),
                    Boolean.TRUE.equals(forwarded.notAppendXForwardedFor()),
                    Boolean.TRUE.equals(forwarded.addXForwardedSchemeHeaders())));
        }
        return settings;
    }

    private static Duration duration(GoDuration value) {
        return value == null ? Duration.ZERO : value.value();
    }
}
