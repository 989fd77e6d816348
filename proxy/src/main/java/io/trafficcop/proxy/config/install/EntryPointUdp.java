package io.trafficcop.proxy.config.install;

import io.trafficcop.proxy.config.GoDuration;
import io.trafficcop.proxy.config.NotImplemented;

/**
 * UDP settings of an entry point.
 *
 * <p>Traefik key: {@code entryPoints.<name>.udp} (Traefik's {@code static.UDPConfig}).
 *
 * @param timeout idle time after which a UDP session is released
 */
@NotImplemented("UDP is not implemented yet")
public record EntryPointUdp(
        GoDuration timeout) {

    public static final GoDuration DEFAULT_TIMEOUT = GoDuration.ofSeconds(3);

    public EntryPointUdp {
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
    }

    /** This section as Traefik fills it when it is present but empty. */
    public static EntryPointUdp defaults() {
        return new EntryPointUdp(null);
    }
}
