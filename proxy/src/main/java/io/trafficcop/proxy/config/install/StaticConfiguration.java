package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.NotImplemented;
import java.util.Map;

/**
 * Traefik's static ("install") configuration: what a traefik.yml / traefik.toml holds.
 * Sections whose presence enables a feature stay null when absent; the others hold Traefik's defaults.
 *
 * <p>Traefik key: the root of the static configuration file (Traefik's {@code static.Configuration}).
 *
 * @param entryPoints entry points by name; Traefik adds :80 as http when none is defined
 */
public record StaticConfiguration(
        Global global,
        ServersTransport serversTransport,
        @NotImplemented("TCP routing is not implemented yet") TCPServersTransport tcpServersTransport,
        Map<String, EntryPoint> entryPoints,
        Providers providers,
        @NotImplemented("the API and dashboard are not implemented yet") Api api,
        @NotImplemented("observability exporters are not implemented yet") Metrics metrics,
        Ping ping,
        Log log,
        AccessLog accessLog,
        @NotImplemented("tracing is not implemented yet") Tracing tracing,
        @NotImplemented("CNAME flattening is not implemented yet") HostResolver hostResolver,
        Map<String, CertificateResolver> certificatesResolvers,
        @NotImplemented("experimental features are not implemented yet") Experimental experimental,
        Core core,
        @NotImplemented("SPIFFE is not implemented yet") SpiffeClientConfig spiffe,
        @NotImplemented("OCSP stapling is not implemented yet") OcspConfig ocsp) {

    public static final Global DEFAULT_GLOBAL = Global.defaults();
    public static final ServersTransport DEFAULT_SERVERS_TRANSPORT = ServersTransport.defaults();
    public static final TCPServersTransport DEFAULT_TCP_SERVERS_TRANSPORT = TCPServersTransport.defaults();
    public static final Map<String, EntryPoint> DEFAULT_ENTRY_POINTS = Map.of();
    public static final Providers DEFAULT_PROVIDERS = Providers.defaults();
    public static final Log DEFAULT_LOG = Log.defaults();
    public static final Core DEFAULT_CORE = Core.defaults();

    public StaticConfiguration {
        if (global == null) {
            global = DEFAULT_GLOBAL;
        }
        if (serversTransport == null) {
            serversTransport = DEFAULT_SERVERS_TRANSPORT;
        }
        if (tcpServersTransport == null) {
            tcpServersTransport = DEFAULT_TCP_SERVERS_TRANSPORT;
        }
        if (entryPoints == null) {
            entryPoints = DEFAULT_ENTRY_POINTS;
        }
        if (providers == null) {
            providers = DEFAULT_PROVIDERS;
        }
        if (log == null) {
            log = DEFAULT_LOG;
        }
        if (core == null) {
            core = DEFAULT_CORE;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static StaticConfiguration defaults() {
        return new StaticConfiguration(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
