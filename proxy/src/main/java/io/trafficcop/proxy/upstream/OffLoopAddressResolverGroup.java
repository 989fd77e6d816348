package io.trafficcop.proxy.upstream;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.DefaultNameResolver;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;

/**
 * Resolves backend host names with the system resolver (so /etc/hosts, nsswitch and Kubernetes search
 * domains behave as for any program) on threads of its own, never on an event loop: a slow DNS server must
 * not stall every connection of the loop that dials. The connect itself continues on the channel's loop.
 * The JDK caches answers (networkaddress.cache.ttl), so most dials resolve at once.
 */
public final class OffLoopAddressResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    /** The one group of the process. */
    public static final OffLoopAddressResolverGroup INSTANCE = new OffLoopAddressResolverGroup();

    private final EventExecutorGroup lookups =
            new DefaultEventExecutorGroup(2, new DefaultThreadFactory("dns-lookup", true));

    private OffLoopAddressResolverGroup() {
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new DefaultNameResolver(lookups.next()).asAddressResolver();
    }
}
