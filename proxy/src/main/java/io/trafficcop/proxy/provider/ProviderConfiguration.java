package io.trafficcop.proxy.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trafficcop.proxy.config.validate.Problem;
import java.util.List;

/**
 * One provider's dynamic configuration: a canonical tree (checked by the schema walker, so it binds) and
 * what was found wrong in it. Elements with errors have been removed from the tree; their errors stay here.
 *
 * @param provider the provider name used in qualified names, e.g. {@code file} in {@code whoami@file}
 * @param tree the merged, canonical configuration tree
 * @param errors problems that disabled part of the configuration
 * @param warnings problems that did not (such as recognized options not implemented yet)
 */
public record ProviderConfiguration(String provider, ObjectNode tree, List<Problem> errors, List<Problem> warnings) {

    public ProviderConfiguration {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}
