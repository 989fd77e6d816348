/**
 * Traefik's static ("install") configuration as plain records: the content of a {@code traefik.yml} /
 * {@code traefik.toml}, rooted at {@link io.trafficcop.proxy.config.install.StaticConfiguration}.
 *
 * <p>How to read the model:
 * <ul>
 *   <li>One record per Traefik struct; record components are spelled exactly as Traefik's keys, so Jackson
 *       binds YAML and TOML with no naming strategy. Named collections ({@code entryPoints},
 *       {@code certificatesResolvers}, header maps, plugins) are {@code Map<String, T>}.</li>
 *   <li>Defaults are Traefik's (its {@code SetDefaults} methods, the initial configuration of its command,
 *       and the install-configuration reference), one {@code DEFAULT_*} constant per component, applied by
 *       the compact constructor when the component is null. A record with defaults also has
 *       {@code defaults()}: the section as Traefik fills it when it is present but empty.</li>
 *   <li>A section whose mere presence enables a feature (a provider, {@code api}, {@code ping},
 *       {@code metrics.prometheus}, {@code accessLog}, {@code tracing}, an entry point's {@code http.tls},
 *       {@code proxyProtocol}, {@code http3}, a resolver's {@code acme}...) stays null when absent: Traefik's
 *       pointer-struct semantics, where an empty section means "enabled with defaults".</li>
 *   <li>A scalar with a null value means Go's zero value (false, 0, "", no timeout). Records TrafficCop
 *       implements spell out their zero defaults, so runtime code never has to null-check them.</li>
 *   <li>{@link io.trafficcop.proxy.config.NotImplemented} marks what TrafficCop recognizes but does not act on
 *       yet: on the component, and for a section not implemented at all also on its record type. A key is
 *       implemented when neither it, nor its record type, nor any enclosing component or type is marked.</li>
 *   <li>Records hold data only: no validation, nothing throws. Lists and maps are kept as bound.</li>
 * </ul>
 *
 * <p>{@link io.trafficcop.proxy.config.install.EffectiveConfiguration#of} then completes a bound configuration
 * as Traefik does after loading (implicit {@code http} and {@code traefik} entry points, ...).
 */
package io.trafficcop.proxy.config.install;
