package io.mderesponse.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.mderesponse.contracts.topic.Services;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.systemtests.config.ReadmeConfiguration;
import io.mderesponse.systemtests.deploy.NetworkReach.Endpoint;
import io.mderesponse.systemtests.deploy.TopicsOfTheCode.Expected;
import io.mderesponse.testsupport.process.ProjectLayout;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/k8s} deploys what the code needs: every manifest parses as Kubernetes objects (fabric8's model);
 * every topic the code creates has a Strimzi {@code KafkaTopic} with the partitions and cleanup policy the code
 * creates it with; every service runs non-root with probes, limits, its ConfigMap and its Secrets, configured only
 * by documented settings; the rules are a directory mount; the example overlay patches only what the base has.
 * Least privilege (issue 21): a default-deny NetworkPolicy and only the flows the architecture needs (checked by
 * evaluating the policies, {@link NetworkReach}); each service's own Kafka identity and Defender credentials; a
 * disruption budget for every multi-replica Deployment; health and metrics on the management port; fully
 * qualified images.
 */
class KubernetesManifestsTest {

    private static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";
    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);
    /** The services whose module depends on defender-client: they need the tenant and the client secret. */
    private static final String DEFENDER_CLIENT = "<artifactId>defender-client</artifactId>";

    private static Path root;
    private static Kustomization base;
    private static Kustomization overlay;
    private static List<HasMetadata> baseObjects;
    private static ReadmeConfiguration readme;

    @BeforeAll
    static void read() {
        root = ProjectLayout.root();
        base = Kustomization.read(root.resolve("deploy/k8s/base"));
        overlay = Kustomization.read(root.resolve("deploy/k8s/overlays/example"));
        baseObjects = base.manifests();
        readme = ReadmeConfiguration.read(root.resolve("README.md"));
    }

    @Test
    void every_file_a_kustomization_names_exists_and_every_manifest_of_the_base_is_listed() throws IOException {
        for (Kustomization kustomization : List.of(base, overlay)) {
            List<Path> named = new ArrayList<>(kustomization.resources());
            named.addAll(kustomization.patches());
            assertThat(named).as(kustomization.dir() + " names files").isNotEmpty();
            named.forEach(path -> assertThat(path).as("named in " + kustomization.dir()).exists());
        }
        Set<Path> listed = new HashSet<>(base.resources());
        try (Stream<Path> files = Files.walk(base.dir())) {
            List<Path> unlisted = files.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::normalize).filter(file -> !listed.contains(file)).toList();
            assertThat(unlisted).as("manifests in deploy/k8s/base that kustomization.yaml leaves out").isEmpty();
        }
    }

    @Test
    void every_manifest_parses_as_named_kubernetes_objects_without_duplicates() {
        List<HasMetadata> all = new ArrayList<>(baseObjects);
        overlay.resources().stream().filter(Files::isRegularFile).forEach(file -> all.addAll(Kustomization.parse(file)));
        overlay.patches().forEach(file -> all.addAll(Kustomization.parse(file)));
        assertThat(all).hasSizeGreaterThan(40);
        for (HasMetadata object : all) {
            assertThat(object.getApiVersion()).as("apiVersion of " + object.getKind()).isNotBlank();
            assertThat(object.getMetadata().getName()).as("name of a " + object.getKind()).isNotBlank();
        }
        Map<String, Long> ids = baseObjects.stream().collect(Collectors.groupingBy(KubernetesManifestsTest::id,
                TreeMap::new, Collectors.counting()));
        assertThat(ids).as("objects of the base by kind/name").allSatisfy((id, count) -> assertThat(count).isOne());
    }

    @Test
    void every_topic_the_code_creates_has_a_kafka_topic_with_its_partitions_and_cleanup_policy() {
        Map<String, Expected> expected = TopicsOfTheCode.read(root);
        // The derivation itself: all contracts topics and the dead letter topics of the consuming services.
        assertThat(expected).containsKeys(Topics.HUNTING_RESULTS.defaultName(), Topics.POLLER_LEADERSHIP.defaultName(),
                "defender.alerts.new.enrichment-service.dlq", "defender.actions.requested.response-service.retry");
        Map<String, GenericKubernetesResource> declared = kafkaTopics();
        assertThat(declared.keySet()).as("KafkaTopics in deploy/k8s/base/kafka/topics.yaml")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Expected topic : expected.values()) {
            GenericKubernetesResource kafkaTopic = declared.get(topic.name());
            assertThat(Kustomization.<Integer>field(kafkaTopic, "spec", "partitions"))
                    .as("partitions of " + topic.name() + " (" + topic.why() + ")").isEqualTo(topic.partitions());
            assertThat(Kustomization.<String>field(kafkaTopic, "spec", "config", "cleanup.policy"))
                    .as("cleanup.policy of " + topic.name()).isEqualTo(topic.compacted() ? "compact" : "delete");
            assertThat(kafkaTopic.getMetadata().getLabels()).as("cluster of " + topic.name())
                    .containsEntry("strimzi.io/cluster", kafka().getMetadata().getName());
        }
    }

    @Test
    void topics_that_delete_keep_records_as_long_as_the_code_and_the_operators_need_them() {
        Map<String, GenericKubernetesResource> declared = kafkaTopics();
        declared.forEach((name, topic) -> {
            Object retention = Kustomization.field(topic, "spec", "config", "retention.ms");
            if ("compact".equals(Kustomization.field(topic, "spec", "config", "cleanup.policy"))) {
                assertThat(retention).as(name + " is compacted: state, never deleted by time").isNull();
                return;
            }
            assertThat(retention).as("retention.ms of " + name).isNotNull();
            long retentionMs = Long.parseLong(retention.toString());
            if (name.endsWith(".dlq")) {
                assertThat(Duration.ofMillis(retentionMs)).as("dead letters wait for a redrive: " + name)
                        .isGreaterThanOrEqualTo(DEAD_LETTER_RETENTION);
            }
        });
        // The cap counts the claims of the last guard.cap-window: the budget log must keep at least that long.
        Duration capWindow = duration(configMap("decision-service-config").getData().get("GUARD_CAP_WINDOW"));
        long budgetRetention = Long.parseLong(Kustomization.field(
                declared.get(Topics.ISOLATION_BUDGET.defaultName()), "spec", "config", "retention.ms").toString());
        assertThat(Duration.ofMillis(budgetRetention)).isGreaterThan(capWindow.multipliedBy(2));
    }

    @Test
    void kafka_runs_in_kraft_mode_on_a_node_pool_with_a_topic_operator_and_no_auto_created_topics() {
        GenericKubernetesResource kafka = kafka();
        assertThat(kafka.getMetadata().getAnnotations())
                .containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        List<GenericKubernetesResource> pools = generic("KafkaNodePool");
        assertThat(pools).isNotEmpty();
        for (GenericKubernetesResource pool : pools) {
            assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster",
                    kafka.getMetadata().getName());
        }
        assertThat(pools.stream().flatMap(pool -> Kustomization.<List<String>>field(pool, "spec", "roles").stream()))
                .contains("controller", "broker");
        assertThat(Kustomization.<Object>field(kafka, "spec", "entityOperator", "topicOperator")).isNotNull();
        assertThat(Kustomization.<Object>field(kafka, "spec", "kafka", "config", "auto.create.topics.enable"))
                .isEqualTo(false);
        int minIsr = Kustomization.<Integer>field(kafka, "spec", "kafka", "config", "min.insync.replicas");
        int replication = Kustomization.<Integer>field(kafka, "spec", "kafka", "config", "default.replication.factor");
        int brokers = pools.stream().filter(pool -> Kustomization.<List<String>>field(pool, "spec", "roles").contains("broker"))
                .mapToInt(pool -> Kustomization.<Integer>field(pool, "spec", "replicas")).sum();
        assertThat(replication).as("replication factor").isLessThanOrEqualTo(brokers).isGreaterThan(minIsr);
    }

    @Test
    void every_service_module_runs_non_root_with_probes_limits_and_a_service_for_its_http_port() {
        List<String> modules = serviceModules();
        assertThat(modules).contains(Services.ALERT_POLLER, Services.ENRICHMENT, Services.DECISION,
                Services.RESPONSE, Services.NOTIFIER);
        for (String module : modules) {
            Deployment deployment = object(Deployment.class, module);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = onlyContainer(deployment);
            String port = httpPort(module);

            assertThat(container.getImage()).as(module + " image: the built name under a registry")
                    .endsWith("/" + image(module));
            assertThat(container.getPorts()).as(module + " ports")
                    .anySatisfy(p -> {
                        assertThat(p.getName()).isEqualTo("http");
                        assertThat(p.getContainerPort()).isEqualTo(Integer.parseInt(port));
                    });
            assertProbe(module + " liveness", container.getLivenessProbe(), "/q/health/live");
            assertProbe(module + " readiness", container.getReadinessProbe(), "/q/health/ready");

            for (String resource : List.of("cpu", "memory")) {
                Quantity request = container.getResources().getRequests().get(resource);
                Quantity limit = container.getResources().getLimits().get(resource);
                assertThat(request).as(module + " requests " + resource).isNotNull();
                assertThat(limit).as(module + " limits " + resource).isNotNull();
                assertThat(limit.getNumericalAmount()).as(module + " " + resource + " limit >= request")
                        .isGreaterThanOrEqualTo(request.getNumericalAmount());
            }

            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(module + " pod runAsNonRoot").isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(module + " pod user").isNotNull().isNotZero();
            var security = container.getSecurityContext();
            assertThat(security.getRunAsNonRoot()).as(module + " runAsNonRoot").isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).as(module + " allowPrivilegeEscalation").isFalse();
            assertThat(security.getReadOnlyRootFilesystem()).as(module + " readOnlyRootFilesystem").isTrue();
            assertThat(security.getCapabilities().getDrop()).as(module + " drops capabilities").contains("ALL");
            assertThat(container.getVolumeMounts()).as(module + " has a writable /tmp")
                    .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));

            Service service = object(Service.class, module);
            assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(service.getSpec().getPorts()).as(module + " Service ports").anySatisfy(p -> {
                assertThat(p.getPort()).isEqualTo(Integer.parseInt(port));
                assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
            });
        }
    }

    @Test
    void every_service_reads_its_config_map_and_its_secrets_and_only_documented_settings() {
        Map<String, Set<String>> secretKeys = overlaySecretKeys();
        for (String module : serviceModules()) {
            Container container = onlyContainer(object(Deployment.class, module));
            List<String> configMaps = container.getEnvFrom().stream().map(EnvFromSource::getConfigMapRef)
                    .filter(ref -> ref != null).map(ref -> ref.getName()).toList();
            assertThat(configMaps).as(module + " envFrom ConfigMaps").contains(module + "-config");
            for (String name : configMaps) {
                ConfigMap configMap = configMap(name);
                assertThat(configMap.getData()).as(name).isNotEmpty();
                configMap.getData().keySet().forEach(variable -> assertThat(readme.documentsVariable(variable))
                        .as(name + ": " + variable + " is a setting of the README's configuration section").isTrue());
            }
            assertThat(environment(module)).as(module + " Kafka").containsEntry("KAFKA_BOOTSTRAP_SERVERS",
                    bootstrapServers());

            Map<String, String> fromSecrets = new TreeMap<>();
            for (EnvVar variable : container.getEnv()) {
                assertThat(readme.documentsVariable(variable.getName())).as(module + ": " + variable.getName())
                        .isTrue();
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    var ref = variable.getValueFrom().getSecretKeyRef();
                    fromSecrets.put(variable.getName(), ref.getName());
                    if (ref.getName().equals(module)) {
                        continue; // the KafkaUser's Secret, made by Strimzi (checked by the Kafka identity test)
                    }
                    assertThat(secretKeys.getOrDefault(ref.getName(), Set.of()))
                            .as(module + ": secret " + ref.getName() + " of the example overlay has key " + ref.getKey())
                            .contains(ref.getKey());
                }
            }
            if (callsDefender(module)) {
                assertThat(fromSecrets).as(module + " calls Defender")
                        .containsKeys("DEFENDER_CLIENT_ID", "DEFENDER_CLIENT_SECRET");
                assertThat(configMaps).as(module + " calls Defender").contains("defender-api");
                assertThat(environment(module)).containsKeys("DEFENDER_API_BASE_URL", "DEFENDER_TENANT_ID");
            }
            if (module.equals(Services.NOTIFIER)) {
                assertThat(fromSecrets).as("SMTP password").containsKey("QUARKUS_MAILER_PASSWORD");
            }
            assertThat(environment(module).keySet()).as(module + ": secrets never in a ConfigMap")
                    .doesNotContain("DEFENDER_CLIENT_SECRET", "QUARKUS_MAILER_PASSWORD");
        }
    }

    @Test
    void the_rules_are_a_config_map_mounted_as_a_directory_so_updates_reach_the_pod() {
        Deployment decision = object(Deployment.class, Services.DECISION);
        Container container = onlyContainer(decision);
        String rulesPath = environment(Services.DECISION).get("RULES_PATH");
        assertThat(rulesPath).as("RULES_PATH").isNotBlank();
        VolumeMount mount = container.getVolumeMounts().stream()
                .filter(m -> rulesPath.startsWith(m.getMountPath() + "/")).findFirst().orElseThrow(
                        () -> new AssertionError("no volume mounted above RULES_PATH " + rulesPath));
        assertThat(mount.getSubPath()).as("the rules mount must not be a subPath").isNull();
        Volume volume = decision.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        ConfigMap rules = configMap(volume.getConfigMap().getName());
        String file = rulesPath.substring(mount.getMountPath().length() + 1);
        assertThat(rules.getData()).as("the rules ConfigMap holds " + file).containsKey(file);
        assertThat(rules.getData().get(file)).contains("rules:", "id:", "when:");
        for (String module : serviceModules()) {
            assertThat(onlyContainer(object(Deployment.class, module)).getVolumeMounts())
                    .as(module + ": no subPath mounts (they never see ConfigMap updates)")
                    .allSatisfy(m -> assertThat(m.getSubPath()).isNull());
        }
    }

    @Test
    void the_example_overlay_patches_only_objects_of_the_base_and_retags_only_its_images() {
        Set<String> baseIds = baseObjects.stream().map(KubernetesManifestsTest::id).collect(Collectors.toSet());
        assertThat(overlay.patches()).isNotEmpty();
        for (Path patch : overlay.patches()) {
            for (HasMetadata object : Kustomization.parse(patch)) {
                assertThat(baseIds).as(patch.getFileName() + " patches an object of the base").contains(id(object));
            }
        }
        Set<String> baseImages = new HashSet<>();
        for (String module : serviceModules()) {
            String image = onlyContainer(object(Deployment.class, module)).getImage();
            baseImages.add(image.substring(0, image.lastIndexOf(':')));
        }
        overlay.spec().path("images").forEach(image -> assertThat(baseImages).as("overlay images: entry")
                .contains(image.path("name").asText()));
        assertThat(overlay.spec().path("resources").toString()).contains("../../base");
    }

    @Test
    void the_overlays_secrets_come_from_git_ignored_files_with_committed_examples() throws IOException {
        List<Path> files = overlay.generatorFiles();
        assertThat(files).isNotEmpty();
        String gitignore = Files.readString(overlay.dir().resolve(".gitignore"), StandardCharsets.UTF_8);
        for (Path file : files) {
            assertThat(file.resolveSibling(file.getFileName() + ".example")).as("example of " + file).exists();
            String relative = overlay.dir().relativize(file.getParent()).toString().replace('\\', '/');
            assertThat(gitignore).as(".gitignore keeps " + file + " out of git").contains(relative + "/*.env");
        }
    }

    @Test
    void services_that_call_defender_divide_their_budget_by_their_replicas_in_the_base_and_the_overlay() {
        for (String module : serviceModules()) {
            if (!callsDefender(module) || ONE_ACTIVE_REPLICA.contains(module)) {
                continue; // one active replica calls Defender, however many standbys run
            }
            int replicas = object(Deployment.class, module).getSpec().getReplicas();
            String budgetReplicas = environment(module).getOrDefault("DEFENDER_BUDGET_REPLICAS", "1");
            assertThat(Integer.parseInt(budgetReplicas)).as(module + " DEFENDER_BUDGET_REPLICAS in the base")
                    .isEqualTo(replicas);

            int overlayReplicas = patched(Deployment.class, module).map(d -> d.getSpec().getReplicas())
                    .orElse(replicas);
            String overlayBudget = patched(ConfigMap.class, module + "-config")
                    .map(c -> c.getData().get("DEFENDER_BUDGET_REPLICAS")).orElse(budgetReplicas);
            assertThat(Integer.parseInt(overlayBudget)).as(module + " DEFENDER_BUDGET_REPLICAS in the overlay")
                    .isEqualTo(overlayReplicas);
        }
        for (String module : ONE_ACTIVE_REPLICA) {
            assertThat(environment(module).getOrDefault("DEFENDER_BUDGET_REPLICAS", "1")).as(module).isEqualTo("1");
        }
    }

    // ---- least privilege: network, disruption, images, credentials (issue 21)

    /** Stands for any internet address (a documentation range, which the policies do not single out). */
    private static final String INTERNET = "203.0.113.10";
    /** Inside the cluster or the company network: a Service IP, a private host, the cloud metadata endpoint. */
    private static final List<String> NOT_INTERNET = List.of("10.96.0.1", "172.20.0.5", "192.168.1.10",
            "169.254.169.254");

    @Test
    void a_default_deny_for_ingress_and_egress_covers_every_pod_of_the_namespace() {
        List<NetworkPolicy> denyAll = policies().stream()
                .filter(p -> p.getSpec().getPodSelector().getMatchLabels().isEmpty()
                        && p.getSpec().getPodSelector().getMatchExpressions().isEmpty())
                .filter(p -> NetworkReach.types(p).containsAll(List.of("Ingress", "Egress")))
                .filter(p -> p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty()).toList();
        assertThat(denyAll).as("a NetworkPolicy selecting every pod ({}) with both types and no rule").isNotEmpty();

        // A pod no policy names by its labels reaches nothing but DNS, and nothing reaches it.
        NetworkReach reach = reach(policies());
        Endpoint stranger = Endpoint.pod(namespace(), Map.of("app", "anything"), Map.of());
        assertThat(reach.egress(stranger, kubeDns(), "UDP", 53)).as("DNS is for every pod").isTrue();
        assertThat(reach.egress(stranger, kafkaBroker(), "TCP", tlsListenerPort())).as("stranger → Kafka").isFalse();
        assertThat(reach.egress(stranger, Endpoint.external(INTERNET), "TCP", 443)).as("stranger → internet")
                .isFalse();
        for (String module : serviceModules()) {
            Endpoint service = servicePod(module);
            assertThat(reach.connects(stranger, service, "TCP", Integer.parseInt(httpPort(module))))
                    .as("stranger → " + module + " http").isFalse();
            assertThat(reach.connects(stranger, service, "TCP", managementPort(module)))
                    .as("stranger → " + module + " management").isFalse();
        }
    }

    @Test
    void every_service_reaches_kafka_on_the_listener_it_is_configured_with_and_dns() {
        NetworkReach reach = reach(policies());
        int configured = Integer.parseInt(bootstrapServers().substring(bootstrapServers().lastIndexOf(':') + 1));
        for (String module : serviceModules()) {
            Endpoint service = servicePod(module);
            assertThat(reach.connects(service, kafkaBroker(), "TCP", configured))
                    .as(module + " → Kafka " + configured + " (both policies: its egress, the brokers' ingress)")
                    .isTrue();
            assertThat(reach.connects(service, kafkaBroker(), "TCP", 9092)).as(module + " → plain listener")
                    .isFalse();
            assertThat(reach.connects(service, kafkaBroker(), "TCP", 9091)).as(module + " → replication port")
                    .isFalse();
            assertThat(reach.egress(service, kubeDns(), "UDP", 53)).as(module + " DNS over UDP").isTrue();
            assertThat(reach.egress(service, kubeDns(), "TCP", 53)).as(module + " DNS over TCP").isTrue();
        }
    }

    @Test
    void only_the_services_that_call_defender_reach_the_internet_and_only_on_443() {
        NetworkReach reach = reach(policies());
        for (String module : serviceModules()) {
            Endpoint service = servicePod(module);
            assertThat(reach.egress(service, Endpoint.external(INTERNET), "TCP", 443))
                    .as(module + " → Defender, Graph and the token endpoint on 443 (calls Defender: "
                            + callsDefender(module) + ")")
                    .isEqualTo(callsDefender(module));
            for (String inside : NOT_INTERNET) {
                assertThat(reach.egress(service, Endpoint.external(inside), "TCP", 443))
                        .as(module + " → " + inside + ":443, not the internet").isFalse();
            }
            assertThat(reach.egress(service, Endpoint.external(INTERNET), "TCP", 80)).as(module + " → :80")
                    .isFalse();
        }
        int mailerPort = Integer.parseInt(environment(Services.NOTIFIER).get("QUARKUS_MAILER_PORT"));
        for (String module : serviceModules()) {
            assertThat(reach.egress(servicePod(module), Endpoint.external(INTERNET), "TCP", mailerPort))
                    .as(module + " → SMTP " + mailerPort).isEqualTo(module.equals(Services.NOTIFIER));
        }
        assertThat(reach.egress(servicePod(Services.NOTIFIER), Endpoint.external("169.254.169.254"), "TCP",
                mailerPort)).as("notifier → metadata endpoint").isFalse();
    }

    @Test
    void the_example_overlay_narrows_the_notifiers_smtp_egress_to_its_mailer_port() {
        NetworkReach reach = reach(overlayPolicies());
        String mailerPort = patched(ConfigMap.class, Services.NOTIFIER + "-config")
                .map(c -> c.getData().get("QUARKUS_MAILER_PORT"))
                .orElse(environment(Services.NOTIFIER).get("QUARKUS_MAILER_PORT"));
        Endpoint notifier = servicePod(Services.NOTIFIER);
        assertThat(reach.egress(notifier, Endpoint.external(INTERNET), "TCP", Integer.parseInt(mailerPort)))
                .as("notifier → its mailer port " + mailerPort + " in the overlay").isTrue();
        for (int other : List.of(25, 465, 587)) {
            if (other != Integer.parseInt(mailerPort)) {
                assertThat(reach.egress(notifier, Endpoint.external(INTERNET), "TCP", other))
                        .as("notifier → " + other + " after the overlay narrowed it").isFalse();
            }
        }
    }

    @Test
    void prometheus_reaches_only_the_management_port_and_operators_only_the_http_port() {
        NetworkReach reach = reach(policies());
        Endpoint prometheus = Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
        Endpoint operatorPod = Endpoint.pod(namespace(), Map.of(OPERATOR_ACCESS, "true"), Map.of());
        Endpoint console = Endpoint.pod("soc-console", Map.of(OPERATOR_ACCESS, "true"), Map.of("app", "console"),
                Map.of());
        Endpoint otherNamespace = Endpoint.pod("default", Map.of("app", "console"), Map.of());
        for (String module : serviceModules()) {
            Endpoint service = servicePod(module);
            int http = Integer.parseInt(httpPort(module));
            int management = managementPort(module);
            assertThat(reach.connects(prometheus, service, "TCP", management)).as("Prometheus → " + module)
                    .isTrue();
            assertThat(reach.connects(prometheus, service, "TCP", http)).as("Prometheus → " + module + " http")
                    .isFalse();
            assertThat(reach.connects(operatorPod, service, "TCP", http)).as("operator pod → " + module).isTrue();
            assertThat(reach.connects(console, service, "TCP", http)).as("operator namespace → " + module)
                    .isTrue();
            assertThat(reach.connects(otherNamespace, service, "TCP", http)).as("other namespace → " + module)
                    .isFalse();
            assertThat(reach.connects(operatorPod, service, "TCP", management)).as("operator → management")
                    .isFalse();
        }
        // No service may call another's operator endpoints: the notifier cannot approve a held isolation.
        int decisionHttp = Integer.parseInt(httpPort(Services.DECISION));
        for (String module : serviceModules()) {
            assertThat(reach.connects(servicePod(module), servicePod(Services.DECISION), "TCP", decisionHttp))
                    .as(module + " → decision-service http").isFalse();
        }
    }

    @Test
    void strimzis_own_pods_keep_their_traffic_under_the_default_deny() {
        NetworkReach reach = reach(policies());
        Endpoint broker = kafkaBroker();
        Endpoint entityOperator = strimziPod(kafka().getMetadata().getName() + "-entity-operator");
        Endpoint clusterOperator = Endpoint.pod("strimzi", Map.of("name", "strimzi-cluster-operator"), Map.of());
        for (int port : List.of(9090, 9091, tlsListenerPort())) {
            assertThat(reach.connects(broker, broker, "TCP", port)).as("broker → broker " + port).isTrue();
        }
        assertThat(reach.connects(entityOperator, broker, "TCP", 9091)).as("topic/user operator → brokers").isTrue();
        assertThat(reach.egress(entityOperator, Endpoint.external("172.20.0.2"), "TCP", 6443))
                .as("entity operator → Kubernetes API server").isTrue();
        for (int port : List.of(9090, 9091, 8443)) {
            assertThat(reach.connects(clusterOperator, broker, "TCP", port)).as("cluster operator → " + port)
                    .isTrue();
        }
        assertThat(reach.egress(broker, Endpoint.external(INTERNET), "TCP", 443)).as("broker → internet").isFalse();
    }

    @Test
    void every_service_serves_health_and_metrics_on_the_management_port_the_http_port_plus_1000() {
        for (String module : serviceModules()) {
            Deployment deployment = object(Deployment.class, module);
            Container container = onlyContainer(deployment);
            int management = managementPort(module);
            assertThat(management).as(module + " management port")
                    .isEqualTo(Integer.parseInt(httpPort(module)) + 1000);
            assertThat(container.getPorts()).as(module + " container ports").anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo("management");
                assertThat(p.getContainerPort()).isEqualTo(management);
            });
            assertProbe(module + " startup", container.getStartupProbe(), "/q/health/live");
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations()).as(module + " scrape")
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(management))
                    .containsEntry("prometheus.io/path", "/q/metrics");
        }
    }

    @Test
    void every_deployment_of_two_replicas_or_more_has_a_disruption_budget_that_still_lets_a_drain_through() {
        List<PodDisruptionBudget> budgets = baseObjects.stream().filter(PodDisruptionBudget.class::isInstance)
                .map(PodDisruptionBudget.class::cast).toList();
        List<Deployment> deployments = baseObjects.stream().filter(Deployment.class::isInstance)
                .map(Deployment.class::cast).toList();
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> selecting = budgets.stream()
                    .filter(b -> NetworkReach.matches(b.getSpec().getSelector(), labels)).toList();
            int base = deployment.getSpec().getReplicas();
            int overlaid = patched(Deployment.class, name).map(d -> d.getSpec().getReplicas()).orElse(base);
            if (Math.max(base, overlaid) >= 2) {
                assertThat(selecting).as(name + " runs " + base + " (overlay " + overlaid + ") replicas").hasSize(1);
            }
            for (PodDisruptionBudget budget : selecting) {
                assertThat(budget.getSpec().getMinAvailable()).as(budget.getMetadata().getName() + " minAvailable")
                        .isNotNull();
                int minAvailable = budget.getSpec().getMinAvailable().getIntVal();
                assertThat(minAvailable).as(name + ": a drain may evict a replica, base and overlay")
                        .isPositive().isLessThan(Math.min(base, overlaid));
            }
        }
        assertThat(budgets).as("every budget selects a Deployment").allSatisfy(b -> assertThat(deployments)
                .anySatisfy(d -> assertThat(NetworkReach.matches(b.getSpec().getSelector(),
                        d.getSpec().getTemplate().getMetadata().getLabels())).isTrue()));
    }

    @Test
    void every_image_is_fully_qualified_in_the_base_and_mapped_for_every_service_by_the_overlay() {
        Map<String, String> baseImages = new TreeMap<>(); // name without tag → module
        for (HasMetadata object : baseObjects) {
            if (object instanceof Deployment deployment) {
                for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                    assertThat(isQualified(container.getImage())).as(container.getImage() + " names its registry")
                            .isTrue();
                    baseImages.put(container.getImage().substring(0, container.getImage().lastIndexOf(':')),
                            deployment.getMetadata().getName());
                }
            }
        }
        Map<String, JsonNode> mapped = new TreeMap<>();
        overlay.spec().path("images").forEach(image -> mapped.put(image.path("name").asText(), image));
        assertThat(mapped.keySet()).as("the overlay's images: entries, one per image of the base")
                .containsExactlyInAnyOrderElementsOf(baseImages.keySet());
        mapped.forEach((name, image) -> {
            String module = baseImages.get(name);
            String built = image(module);
            String newName = image.path("newName").asText();
            assertThat(isQualified(newName + ":" + image.path("newTag").asText())).as(newName).isTrue();
            assertThat(newName + ":" + image.path("newTag").asText()).as(module + ": the built name in your registry")
                    .endsWith("/" + built);
        });
    }

    @Test
    void each_service_that_calls_defender_reads_its_own_credentials_and_the_others_none() {
        Set<String> overlaySecrets = overlaySecretKeys().keySet();
        for (String module : serviceModules()) {
            Container container = onlyContainer(object(Deployment.class, module));
            Map<String, String> secretOf = new TreeMap<>();
            container.getEnv().stream().filter(v -> v.getValueFrom() != null
                    && v.getValueFrom().getSecretKeyRef() != null)
                    .forEach(v -> secretOf.put(v.getName(), v.getValueFrom().getSecretKeyRef().getName()));
            List<String> defenderSources = Stream.concat(secretOf.values().stream(), container.getEnvFrom().stream()
                    .map(s -> s.getSecretRef() != null ? s.getSecretRef().getName()
                            : s.getConfigMapRef() != null ? s.getConfigMapRef().getName() : ""))
                    .filter(name -> name.startsWith("defender-")).toList();
            if (callsDefender(module)) {
                String own = "defender-credentials-" + module;
                assertThat(secretOf).as(module + " reads its own Defender client")
                        .containsEntry("DEFENDER_CLIENT_ID", own).containsEntry("DEFENDER_CLIENT_SECRET", own);
                assertThat(defenderSources).as(module + ": no other service's Defender secret")
                        .allMatch(name -> name.equals(own) || name.equals("defender-api"));
                assertThat(overlaySecrets).as("the example overlay makes " + own).contains(own);
            } else {
                assertThat(defenderSources).as(module + " never calls Defender: no Defender setting or secret")
                        .isEmpty();
            }
        }
        assertThat(configMap("defender-api").getData()).as("the shared Defender ConfigMap: endpoint and tenant only")
                .doesNotContainKeys("DEFENDER_CLIENT_ID", "DEFENDER_CLIENT_SECRET");
        patched(ConfigMap.class, "defender-api").ifPresent(c -> assertThat(c.getData()).as("overlay's defender-api")
                .doesNotContainKeys("DEFENDER_CLIENT_ID", "DEFENDER_CLIENT_SECRET"));
    }

    @Test
    void each_service_authenticates_to_kafka_as_its_own_kafka_user_over_tls_trusting_the_cluster_ca() {
        String caSecret = kafka().getMetadata().getName() + "-cluster-ca-cert";
        for (String module : serviceModules()) {
            Deployment deployment = object(Deployment.class, module);
            Container container = onlyContainer(deployment);
            Map<String, String> env = environment(module);
            assertThat(env).as(module + " Kafka client security")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers())
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
            EnvVar jaas = container.getEnv().stream().filter(v -> v.getName().equals("KAFKA_SASL_JAAS_CONFIG"))
                    .findFirst().orElseThrow(() -> new AssertionError(module + " has no KAFKA_SASL_JAAS_CONFIG"));
            assertThat(jaas.getValueFrom().getSecretKeyRef().getName())
                    .as(module + ": the Secret Strimzi makes for the KafkaUser named like the service")
                    .isEqualTo(module);
            assertThat(jaas.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("sasl.jaas.config");

            String truststore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
            VolumeMount mount = container.getVolumeMounts().stream()
                    .filter(m -> truststore.startsWith(m.getMountPath() + "/")).findFirst()
                    .orElseThrow(() -> new AssertionError(module + ": nothing mounted above " + truststore));
            assertThat(mount.getReadOnly()).as(module + " CA mount read-only").isTrue();
            Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertThat(volume.getSecret()).as(module + ": the CA comes from a Secret").isNotNull();
            assertThat(volume.getSecret().getSecretName()).as(module + " CA Secret").isEqualTo(caSecret);
            String file = truststore.substring(mount.getMountPath().length() + 1);
            assertThat(volume.getSecret().getItems()).as(module + ": " + file + " is the cluster CA certificate")
                    .anySatisfy(item -> {
                        assertThat(item.getKey()).isEqualTo("ca.crt");
                        assertThat(item.getPath()).isEqualTo(file);
                    });
        }
    }

    /** The label that lets a pod, or every pod of a namespace, call the services' operator endpoints. */
    private static final String OPERATOR_ACCESS = "mde-response/operator-access";

    /** Services whose replicas elect one active instance through a one-partition leadership topic. */
    private static final Set<String> ONE_ACTIVE_REPLICA = Set.of(Services.ALERT_POLLER, Services.HUNTING_SCHEDULER);

    // ---- helpers

    private static List<NetworkPolicy> policies() {
        return baseObjects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast).toList();
    }

    /**
     * The base's policies with the overlay's NetworkPolicy patches applied as kustomize does: a rule list the patch
     * gives replaces the base's (NetworkPolicy's lists have no merge key).
     */
    private static List<NetworkPolicy> overlayPolicies() {
        List<NetworkPolicy> result = new ArrayList<>();
        for (NetworkPolicy policy : policies()) {
            NetworkPolicy merged = new NetworkPolicyBuilder(policy).build();
            patched(NetworkPolicy.class, policy.getMetadata().getName()).ifPresent(patch -> {
                if (!patch.getSpec().getEgress().isEmpty()) {
                    merged.getSpec().setEgress(patch.getSpec().getEgress());
                }
                if (!patch.getSpec().getIngress().isEmpty()) {
                    merged.getSpec().setIngress(patch.getSpec().getIngress());
                }
            });
            result.add(merged);
        }
        return result;
    }

    private static NetworkReach reach(List<NetworkPolicy> policies) {
        return new NetworkReach(namespace(), policies);
    }

    /** The namespace the example overlay deploys to (the base's policies name pods of their own namespace). */
    private static String namespace() {
        return overlay.spec().path("namespace").asText();
    }

    /** A pod of a service's Deployment: its template's labels and its container's named ports. */
    private static Endpoint servicePod(String module) {
        Deployment deployment = object(Deployment.class, module);
        Map<String, Integer> ports = new TreeMap<>();
        onlyContainer(deployment).getPorts().forEach(p -> ports.put(p.getName(), p.getContainerPort()));
        return Endpoint.pod(namespace(), deployment.getSpec().getTemplate().getMetadata().getLabels(), ports);
    }

    /** A pod Strimzi makes for the cluster, with the labels Strimzi gives it. */
    private static Endpoint strimziPod(String strimziName) {
        return Endpoint.pod(namespace(), Map.of("strimzi.io/cluster", kafka().getMetadata().getName(),
                "strimzi.io/kind", "Kafka", "strimzi.io/name", strimziName), Map.of());
    }

    private static Endpoint kafkaBroker() {
        return strimziPod(kafka().getMetadata().getName() + "-kafka");
    }

    private static Endpoint kubeDns() {
        return Endpoint.pod("kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
    }

    /** A registry host before the first {@code /}: a dot or a port in it, or localhost, as Docker reads names. */
    private static boolean isQualified(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String host = image.substring(0, slash);
        return host.contains(".") || host.contains(":") || host.equals("localhost");
    }

    /**
     * The management interface's port as the module configures it: {@code quarkus.management.port}, Quarkus'
     * 9000 when the interface is enabled without a port, and the planned http + 1000 while it is not enabled yet.
     */
    private static int managementPort(String module) {
        Properties properties = applicationProperties(module);
        String declared = properties.getProperty("quarkus.management.port");
        if (declared != null) {
            return Integer.parseInt(declared);
        }
        return Boolean.parseBoolean(properties.getProperty("quarkus.management.enabled")) ? 9000
                : Integer.parseInt(httpPort(module)) + 1000;
    }

    private static void assertProbe(String what, Probe probe, String path) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(what + " port").isEqualTo("management");
    }

    /** The service modules of the repository: the services of the contracts that have a module with an image. */
    static List<String> serviceModules() {
        return Services.all().stream().filter(module -> Files.isRegularFile(root.resolve(module).resolve(DOCKERFILE)))
                .toList();
    }

    /** The image a module's Deployment runs: the root pom's {@code images} profile's name for it. */
    static String image(String module) {
        return ImageNames.of(root, module);
    }

    private static boolean callsDefender(String module) {
        try {
            return Files.readString(root.resolve(module).resolve("pom.xml"), StandardCharsets.UTF_8)
                    .contains(DEFENDER_CLIENT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cluster's bootstrap address on its TLS listener, the one the services authenticate on. */
    private static String bootstrapServers() {
        GenericKubernetesResource kafka = kafka();
        return kafka.getMetadata().getName() + "-kafka-bootstrap:" + tlsListenerPort();
    }

    private static int tlsListenerPort() {
        List<Map<String, Object>> listeners = Kustomization.field(kafka(), "spec", "kafka", "listeners");
        return listeners.stream().filter(l -> Boolean.TRUE.equals(l.get("tls")) && "internal".equals(l.get("type")))
                .map(l -> (Integer) l.get("port")).findFirst()
                .orElseThrow(() -> new AssertionError("kafka.yaml has no internal TLS listener"));
    }

    /** The environment a module's container gets from its ConfigMaps (later ones win, as in Kubernetes). */
    private static Map<String, String> environment(String module) {
        Map<String, String> env = new LinkedHashMap<>();
        onlyContainer(object(Deployment.class, module)).getEnvFrom().stream()
                .filter(source -> source.getConfigMapRef() != null)
                .forEach(source -> env.putAll(configMap(source.getConfigMapRef().getName()).getData()));
        return env;
    }

    private static Map<String, Set<String>> overlaySecretKeys() {
        Map<String, Set<String>> keys = new TreeMap<>();
        overlay.spec().path("secretGenerator").forEach(generator -> {
            Set<String> names = new HashSet<>();
            generator.path("envs").forEach(env -> {
                Path file = overlay.dir().resolve(env.asText());
                Path example = file.resolveSibling(file.getFileName() + ".example");
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(Files.exists(file) ? file : example,
                        StandardCharsets.UTF_8)) {
                    properties.load(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                names.addAll(properties.stringPropertyNames());
            });
            generator.path("literals").forEach(literal -> names.add(literal.asText().split("=", 2)[0]));
            keys.put(generator.path("name").asText(), names);
        });
        return keys;
    }

    /** The overlay's patch of an object, if it has one. */
    private static <T extends HasMetadata> Optional<T> patched(Class<T> type, String name) {
        return overlay.patches().stream().flatMap(patch -> Kustomization.parse(patch).stream())
                .filter(type::isInstance).map(type::cast)
                .filter(object -> object.getMetadata().getName().equals(name)).findFirst();
    }

    private static Container onlyContainer(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(deployment.getMetadata().getName() + " containers").hasSize(1);
        return containers.get(0);
    }

    private static ConfigMap configMap(String name) {
        return object(ConfigMap.class, name);
    }

    private static <T extends HasMetadata> T object(Class<T> type, String name) {
        return baseObjects.stream().filter(type::isInstance).map(type::cast)
                .filter(object -> object.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("deploy/k8s/base has no " + type.getSimpleName() + " " + name));
    }

    private static GenericKubernetesResource kafka() {
        List<GenericKubernetesResource> kafkas = generic("Kafka");
        assertThat(kafkas).as("Kafka resources").hasSize(1);
        return kafkas.get(0);
    }

    private static Map<String, GenericKubernetesResource> kafkaTopics() {
        Map<String, GenericKubernetesResource> topics = new TreeMap<>();
        for (GenericKubernetesResource topic : generic("KafkaTopic")) {
            String name = Optional.ofNullable(Kustomization.<String>field(topic, "spec", "topicName"))
                    .orElse(topic.getMetadata().getName());
            assertThat(topics.put(name, topic)).as("KafkaTopic " + name + " declared once").isNull();
        }
        return topics;
    }

    private static List<GenericKubernetesResource> generic(String kind) {
        return baseObjects.stream().filter(object -> kind.equals(object.getKind()))
                .filter(GenericKubernetesResource.class::isInstance).map(GenericKubernetesResource.class::cast)
                .filter(object -> object.getApiVersion().startsWith("kafka.strimzi.io/")).toList();
    }

    private static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    private static String httpPort(String module) {
        return applicationProperties(module).getProperty("quarkus.http.port", "8080");
    }

    private static Properties applicationProperties(String module) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                root.resolve(module).resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** {@code 1h}, {@code 30m}, {@code 10s}, {@code 2d}, or ISO-8601, as the services accept them. */
    private static Duration duration(String value) {
        if (value.startsWith("P") || value.startsWith("p")) {
            return Duration.parse(value);
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        switch (value.charAt(value.length() - 1)) {
            case 'd':
                return Duration.ofDays(amount);
            case 'h':
                return Duration.ofHours(amount);
            case 'm':
                return Duration.ofMinutes(amount);
            case 's':
                return Duration.ofSeconds(amount);
            default:
                throw new IllegalArgumentException("Not a duration: " + value);
        }
    }
}
