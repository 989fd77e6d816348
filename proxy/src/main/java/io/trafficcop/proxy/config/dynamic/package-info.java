/**
 * Traefik's dynamic ("routing") configuration as plain immutable records, bound by Jackson from YAML or TOML:
 * {@link io.trafficcop.proxy.config.dynamic.DynamicConfiguration} with {@code http}, {@code tcp}, {@code udp}
 * and {@code tls}.
 *
 * <p>Conventions, relied on by the reflection-based loader and validator:
 * <ul>
 *   <li>one record per Traefik struct, component names exactly Traefik's keys;</li>
 *   <li>boxed types and nullable components, so an unset key is visible; named collections are
 *       {@code Map<String, T>}, durations {@link io.trafficcop.proxy.config.GoDuration};</li>
 *   <li>Traefik's defaults are applied in each compact constructor from {@code DEFAULT_*} constants when a
 *       component is {@code null}, so a bound record holds effective values; sections whose presence alone
 *       means something (a middleware type, a service kind, {@code healthCheck}, {@code sticky}, a router's
 *       {@code tls}, ...) stay {@code null} when absent;</li>
 *   <li>lists and maps are unmodifiable copies (order kept, {@code null} elements allowed);</li>
 *   <li>records never validate and never throw;</li>
 *   <li>what TrafficCop recognizes but does not act on yet carries
 *       {@link io.trafficcop.proxy.config.NotImplemented}.</li>
 * </ul>
 */
package io.trafficcop.proxy.config.dynamic;
