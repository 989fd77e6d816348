package io.trafficcop.proxy.config.dynamic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traefik's {@code tls} ({@code dynamic.TLSConfiguration}).
 */
public record TlsConfiguration(
        List<CertAndStores> certificates,
        Map<String, TlsOptions> options,
        Map<String, TlsStore> stores) {

    public TlsConfiguration {
        // unmodifiable copies (nulls allowed, order kept): a bound configuration is never mutated
        certificates = certificates == null ? null : Collections.unmodifiableList(new ArrayList<>(certificates));
        options = options == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        stores = stores == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(stores));
    }
}
