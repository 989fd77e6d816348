package io.trafficcop.operator.model;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.trafficcop.operator.api.v1alpha1.RedisSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the proxy pods reach Redis, as environment variables: {@code TRAFFICCOP_REDIS_ENDPOINTS} (comma-separated
 * host:port), {@code TRAFFICCOP_REDIS_PASSWORD} (from the Secret), {@code TRAFFICCOP_REDIS_DB},
 * {@code TRAFFICCOP_REDIS_TLS}.
 */
public final class RedisConnection {

    public enum Mode { NONE, MANAGED, EXTERNAL }

    private RedisConnection() {
    }

    public static Mode mode(RedisSpec redis) {
        return redis == null || redis.mode == null ? Mode.NONE : Mode.valueOf(redis.mode.toUpperCase(Locale.ROOT));
    }

    public static List<EnvVar> env(Fleet fleet) {
        RedisSpec redis = fleet.resource().getSpec().redis;
        List<EnvVar> env = new ArrayList<>();
        switch (mode(redis)) {
            case NONE -> { }
            case MANAGED -> env.add(new EnvVar("TRAFFICCOP_REDIS_ENDPOINTS",
                    FleetNames.redis(fleet.name()) + ":" + Defaults.REDIS_PORT, null));
            case EXTERNAL -> {
                env.add(new EnvVar("TRAFFICCOP_REDIS_ENDPOINTS", String.join(",", redis.external.endpoints), null));
                if (redis.external.passwordSecret != null) {
                    env.add(new EnvVarBuilder().withName("TRAFFICCOP_REDIS_PASSWORD").withNewValueFrom()
                            .withNewSecretKeyRef()
                                .withName(redis.external.passwordSecret.name)
                                .withKey(redis.external.passwordSecret.key == null
                                        ? Defaults.REDIS_PASSWORD_KEY : redis.external.passwordSecret.key)
                            .endSecretKeyRef().endValueFrom().build());
                }
                if (redis.external.db != null) {
                    env.add(new EnvVar("TRAFFICCOP_REDIS_DB", redis.external.db.toString(), null));
                }
                if (Boolean.TRUE.equals(redis.external.tls)) {
                    env.add(new EnvVar("TRAFFICCOP_REDIS_TLS", "true", null));
                }
            }
        }
        return env;
    }
}
