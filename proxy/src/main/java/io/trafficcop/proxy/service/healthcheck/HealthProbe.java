package io.trafficcop.proxy.service.healthcheck;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import java.net.URI;

/** One health check of one server; completes with null when healthy, else with the reason. Never fails the future. */
interface HealthProbe {

    Future<String> check(EventLoop loop, URI server);
}
