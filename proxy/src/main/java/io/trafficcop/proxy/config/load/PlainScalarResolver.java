package io.trafficcop.proxy.config.load;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's standard tag resolution, with a shortcut for the common case: a plain scalar whose first character
 * starts none of the implicit types (booleans, numbers, null, timestamps, merge keys...) is a string, decided
 * without running a regular expression. SnakeYAML itself tries its null and empty-value patterns on every scalar,
 * whatever its first character, a {@code Matcher} each: for the 60,000 names and keys of 10,000 routers that was
 * ~20 % of a reload's allocation. Those two patterns match nothing such a scalar can be but a single space.
 */
final class PlainScalarResolver extends Resolver {

    /**
     * Whether a resolver other than the null and empty-value ones applies whatever the first character (SnakeYAML
     * registers those under the first character {@code \0} or none); then the shortcut is off. Set while the
     * superclass constructor registers the resolvers, hence no initializer.
     */
    private boolean otherAnyStartResolver;

    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
        boolean anyStart = first == null || first.indexOf('\0') >= 0;
        if (anyStart && !regexp.pattern().equals(EMPTY.pattern()) && !regexp.pattern().equals(NULL.pattern())) {
            otherAnyStartResolver = true;
        }
        super.addImplicitResolver(tag, regexp, first, limit);
    }

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind == NodeId.scalar && implicit && !otherAnyStartResolver && !value.isEmpty()
                && value.charAt(0) != ' ' && !yamlImplicitResolvers.containsKey(value.charAt(0))) {
            return Tag.STR;
        }
        return super.resolve(kind, value, implicit);
    }
}
