package io.trafficcop.operator.reconciler;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.trafficcop.operator.api.v1alpha1.ConfigSpec;
import io.trafficcop.operator.api.v1alpha1.TrafficCop;
import io.trafficcop.operator.api.v1alpha1.TrafficCopStatus;
import io.trafficcop.operator.dependent.AutoscalingEnabled;
import io.trafficcop.operator.dependent.DeploymentDependent;
import io.trafficcop.operator.dependent.DynamicConfigMapDependent;
import io.trafficcop.operator.dependent.HorizontalPodAutoscalerDependent;
import io.trafficcop.operator.dependent.PodDisruptionBudgetDependent;
import io.trafficcop.operator.dependent.PodDisruptionBudgetEnabled;
import io.trafficcop.operator.dependent.RedisManaged;
import io.trafficcop.operator.dependent.RedisServiceDependent;
import io.trafficcop.operator.dependent.RedisStatefulSetDependent;
import io.trafficcop.operator.dependent.ServiceAccountDependent;
import io.trafficcop.operator.dependent.ServiceDependent;
import io.trafficcop.operator.dependent.StaticConfigMapDependent;
import io.trafficcop.operator.model.Defaults;
import io.trafficcop.operator.model.Fleet;
import io.trafficcop.operator.model.FleetNames;
import io.trafficcop.operator.model.FleetStatus;
import io.trafficcop.operator.model.ProxyAutoscaler;
import io.trafficcop.operator.model.ProxyConfigMaps;
import io.trafficcop.operator.model.ProxyConfiguration;
import io.trafficcop.operator.model.RedisConnection;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a TrafficCop: reads the Traefik configuration from the user's ConfigMaps, runs it through the
 * {@link ConfigGate}, and only then runs the workflow of dependents with the configuration in force — the new one
 * when valid, else the last good one (read back from the owned ConfigMaps), so an invalid edit rolls nothing.
 * The status (conditions, observedGeneration, hash in force) is the only thing it writes on the TrafficCop.
 */
@ControllerConfiguration(name = TrafficCopReconciler.NAME)
@Workflow(explicitInvocation = true, dependents = {
        @Dependent(name = "service-account", type = ServiceAccountDependent.class),
        @Dependent(name = "static-config", type = StaticConfigMapDependent.class),
        @Dependent(name = "dynamic-config", type = DynamicConfigMapDependent.class),
        @Dependent(name = "redis", type = RedisStatefulSetDependent.class, reconcilePrecondition = RedisManaged.class),
        @Dependent(name = "redis-service", type = RedisServiceDependent.class,
                reconcilePrecondition = RedisManaged.class),
        @Dependent(name = "deployment", type = DeploymentDependent.class,
                dependsOn = {"service-account", "static-config", "dynamic-config"}),
        @Dependent(name = "service", type = ServiceDependent.class),
        @Dependent(name = "pdb", type = PodDisruptionBudgetDependent.class,
                reconcilePrecondition = PodDisruptionBudgetEnabled.class),
        @Dependent(name = "hpa", type = HorizontalPodAutoscalerDependent.class, dependsOn = "deployment",
                reconcilePrecondition = AutoscalingEnabled.class),
})
public class TrafficCopReconciler implements Reconciler<TrafficCop> {

    public static final String NAME = "trafficcop";
    /** Event source of the user's ConfigMaps: a change there re-validates and, if valid, rolls out. */
    static final String CONFIG_SOURCES = "config-sources";
    private static final String CONFIG_MAP_INDEX = "trafficcop-config-maps";
    private static final Logger LOG = LoggerFactory.getLogger(TrafficCopReconciler.class);

    private final ConfigGate gate;
    private final Clock clock;

    public TrafficCopReconciler(ConfigGate gate) {
        this(gate, Clock.systemUTC());
    }

    public TrafficCopReconciler(ConfigGate gate, Clock clock) {
        this.gate = Objects.requireNonNull(gate);
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, TrafficCop>> prepareEventSources(EventSourceContext<TrafficCop> context) {
        context.getPrimaryCache().addIndexer(CONFIG_MAP_INDEX, tc -> sourceConfigMaps(tc)
                .map(name -> indexKey(name, tc.getMetadata().getNamespace())).toList());
        InformerEventSource<ConfigMap, TrafficCop> sources = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(ConfigMap.class, TrafficCop.class)
                        .withName(CONFIG_SOURCES)
                        // the chart grants RBAC only in the watched namespaces: never list ConfigMaps elsewhere
                        .withNamespacesInheritedFromController()
                        .withSecondaryToPrimaryMapper(cm -> context.getPrimaryCache()
                                .byIndex(CONFIG_MAP_INDEX, indexKey(cm.getMetadata().getName(),
                                        cm.getMetadata().getNamespace()))
                                .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
                        .withPrimaryToSecondaryMapper((TrafficCop tc) -> sourceConfigMaps(tc)
                                .map(name -> new ResourceID(name, tc.getMetadata().getNamespace()))
                                .collect(Collectors.toSet()))
                        .build(),
                context);
        return List.of(sources);
    }

    @Override
    public UpdateControl<TrafficCop> reconcile(TrafficCop resource, Context<TrafficCop> context) {
        String namespace = resource.getMetadata().getNamespace();
        @SuppressWarnings("unchecked")
        InformerEventSource<ConfigMap, TrafficCop> sources = (InformerEventSource<ConfigMap, TrafficCop>)
                context.eventSourceRetriever().getEventSourceFor(ConfigMap.class, CONFIG_SOURCES);
        ConfigVerdict verdict = ConfigVerdict.of(
                ConfigSources.read(resource.getSpec().config,
                        name -> sources.get(new ResourceID(name, namespace)).orElse(null)),
                gate, resource.getSpec());

        ProxyConfiguration inForce = verdict.valid() ? verdict.candidate() : lastGood(resource, context);
        if (!verdict.valid()) {
            LOG.warn("TrafficCop {}/{}: configuration rejected, {}: {}", namespace, resource.getMetadata().getName(),
                    inForce == null ? "nothing deployed" : "keeping " + inForce.hash(), verdict.message());
        }

        Optional<Deployment> before = context.getSecondaryResource(Deployment.class);
        String rolloutReason = null;
        if (inForce != null) {
            rolloutReason = before.map(d -> d.getSpec().getTemplate().getMetadata().getAnnotations())
                    .map(a -> a.get(FleetNames.STATIC_CONFIG_HASH_ANNOTATION))
                    .filter(hash -> !hash.equals(inForce.staticHash()))
                    .map(hash -> "StaticConfigurationChanged")
                    .orElse(null);
            Fleet fleet = Fleet.of(resource, inForce);
            context.managedWorkflowAndDependentResourceContext().put(Fleet.class, fleet);
            context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
        }

        Deployment deployment = context.getSecondaryResource(Deployment.class).orElse(before.orElse(null));
        boolean redisManaged = RedisConnection.mode(resource.getSpec().redis) == RedisConnection.Mode.MANAGED;
        StatefulSet redis = redisManaged ? context.getSecondaryResource(StatefulSet.class).orElse(null) : null;
        FleetStatus.Observation observation = new FleetStatus.Observation(
                Optional.ofNullable(resource.getMetadata().getGeneration()).orElse(0L),
                verdict.valid(), verdict.reason(), verdict.message(), inForce, deployment,
                desiredReplicas(resource, deployment), redisManaged, redis, rolloutReason);
        TrafficCopStatus status = FleetStatus.next(resource.getStatus(), observation, clock.instant());

        writeStatus(resource, status, context);
        return UpdateControl.noUpdate();
    }

    @Override
    public ErrorStatusUpdateControl<TrafficCop> updateErrorStatus(TrafficCop resource, Context<TrafficCop> context,
                                                                  Exception e) {
        LOG.error("TrafficCop {}/{}: reconciliation failed", resource.getMetadata().getNamespace(),
                resource.getMetadata().getName(), e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        TrafficCopStatus status = FleetStatus.withError(resource.getStatus(), message,
                Optional.ofNullable(resource.getMetadata().getGeneration()).orElse(0L), clock.instant());
        try {
            writeStatus(resource, status, context);
        } catch (RuntimeException statusFailure) {
            LOG.debug("TrafficCop {}/{}: could not record the failure in the status",
                    resource.getMetadata().getNamespace(), resource.getMetadata().getName(), statusFailure);
        }
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /**
     * Replaces the status subresource, recomputed whole, under the resourceVersion this reconciliation read: a
     * concurrent change conflicts and the reconciliation is retried on the newer resource. (A merge patch would be
     * lock-free, but list merging is where API implementations differ; a replace is unambiguous.) Skipped when
     * nothing changed, so an idle fleet costs no writes.
     */
    private static void writeStatus(TrafficCop resource, TrafficCopStatus status, Context<TrafficCop> context) {
        if (FleetStatus.sameAs(resource.getStatus(), status)) {
            return;
        }
        TrafficCop update = new TrafficCop();
        update.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName(resource.getMetadata().getName())
                .withNamespace(resource.getMetadata().getNamespace())
                .withResourceVersion(resource.getMetadata().getResourceVersion()).build());
        update.setSpec(resource.getSpec());
        update.setStatus(status);
        context.getClient().resource(update).updateStatus();
    }

    /** The configuration the owned ConfigMaps hold: the last one that passed the gate. */
    private static ProxyConfiguration lastGood(TrafficCop resource, Context<TrafficCop> context) {
        String name = resource.getMetadata().getName();
        var configMaps = context.getClient().configMaps().inNamespace(resource.getMetadata().getNamespace());
        ConfigMap staticMap = configMaps.withName(FleetNames.staticConfigMap(name)).get();
        if (staticMap == null || staticMap.getData() == null || staticMap.getData().isEmpty()) {
            return null;
        }
        return ProxyConfigMaps.read(staticMap, configMaps.withName(FleetNames.dynamicConfigMap(name)).get());
    }

    private static int desiredReplicas(TrafficCop resource, Deployment deployment) {
        if (ProxyAutoscaler.enabled(resource.getSpec().autoscaling)) {
            Integer current = deployment == null ? null : deployment.getSpec().getReplicas();
            return current != null ? current : Optional.ofNullable(resource.getSpec().autoscaling.minReplicas)
                    .orElse(Defaults.AUTOSCALING_MIN);
        }
        return Optional.ofNullable(resource.getSpec().replicas).orElse(Defaults.REPLICAS);
    }

    private static Stream<String> sourceConfigMaps(TrafficCop tc) {
        ConfigSpec config = tc.getSpec() == null ? null : tc.getSpec().config;
        if (config == null) {
            return Stream.empty();
        }
        return Stream.of(config.configMapName, config.dynamicConfigMapName).filter(Objects::nonNull)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new)).stream();
    }

    private static String indexKey(String name, String namespace) {
        return namespace + "/" + name;
    }

}
