package io.trafficcop.proxy.runtime.compile;

import io.trafficcop.proxy.config.install.StaticConfiguration;
import io.trafficcop.proxy.config.validate.DynamicConfigurationBuilder;
import io.trafficcop.proxy.config.validate.Problem;
import io.trafficcop.proxy.provider.ProviderConfiguration;
import io.trafficcop.proxy.runtime.Snapshot;
import io.trafficcop.proxy.tls.acme.AcmeResolvers;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to each new set of provider configurations: validate, compile, swap the snapshot in, and log
 * what was wrong. Problems are logged when they first appear, not again at every reload.
 */
public final class RuntimeConfigurationApplier implements Consumer<Map<String, ProviderConfiguration>> {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeConfigurationApplier.class);

    private final StaticConfiguration staticConfiguration;
    private final SnapshotCompiler compiler;
    private final Consumer<Snapshot> apply;
    private Set<String> reported = Set.of();

    public RuntimeConfigurationApplier(StaticConfiguration effectiveStaticConfiguration, RuntimeRegistries registries,
            AcmeResolvers acme, Consumer<Snapshot> apply) {
        this.staticConfiguration = effectiveStaticConfiguration;
        this.compiler = new SnapshotCompiler(effectiveStaticConfiguration, registries, acme);
        this.apply = apply;
    }

    @Override
    public void accept(Map<String, ProviderConfiguration> providers) {
        long start = System.nanoTime();
        DynamicConfigurationBuilder.Built built = DynamicConfigurationBuilder.build(providers, staticConfiguration, false);
        SnapshotCompiler.Compiled compiled = compiler.compile(built);
        apply.accept(compiled.snapshot());
        compiled.afterSwap().run();
        Set<String> now = new HashSet<>();
        report(built.errors(), now, true);
        report(compiled.errors(), now, true);
        report(built.warnings(), now, false);
        reported = now;
        LOG.info("configuration applied: {} routers in {} ms", compiled.routers(), (System.nanoTime() - start) / 1_000_000);
    }

    private void report(List<Problem> problems, Set<String> now, boolean error) {
        for (Problem problem : problems) {
            String line = problem.toString();
            now.add(line);
            if (reported.contains(line)) {
                continue;
            }
            if (error) {
                LOG.error("{}", line);
            } else {
                LOG.warn("{}", line);
            }
        }
    }
}
