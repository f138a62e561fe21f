package org.salesops.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.infra.k8s.K8sDeployment.DIR;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.salesops.infra.k8s.K8sDeployment.Manifest;

/**
 * Every manifest parses and has what the API server or the operator requires of its kind: apiVersion, kind, a valid
 * name, and the fields without which the object is refused or does nothing (from the Kubernetes API, Strimzi's
 * v1 CRDs and the Flink operator's FlinkDeployment spec). Nothing here needs a cluster.
 */
class ManifestShapeTest {

    /** The API version each kind is written for; a kind not listed here is a kind this test does not know. */
    private static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Namespace", "v1"), Map.entry("ConfigMap", "v1"), Map.entry("Service", "v1"),
            Map.entry("PersistentVolumeClaim", "v1"), Map.entry("ServiceAccount", "v1"),
            Map.entry("Deployment", "apps/v1"), Map.entry("StatefulSet", "apps/v1"),
            Map.entry("Job", "batch/v1"), Map.entry("CronJob", "batch/v1"),
            Map.entry("Role", "rbac.authorization.k8s.io/v1"), Map.entry("RoleBinding", "rbac.authorization.k8s.io/v1"),
            Map.entry("Kafka", "kafka.strimzi.io/v1"), Map.entry("KafkaNodePool", "kafka.strimzi.io/v1"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1"), Map.entry("FlinkDeployment", "flink.apache.org/v1beta1"));

    /** RFC 1123 subdomain: what most kinds accept as a name. */
    private static final String SUBDOMAIN = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    /** RFC 1035 label: Services, Namespaces and (through their Services) Deployments of the operators' kinds. */
    private static final String LABEL = "[a-z]([-a-z0-9]*[a-z0-9])?";

    @Test
    void kustomizationAppliesEveryManifestFileInTheFolder() throws IOException {
        List<Path> listed = K8sDeployment.resourceFiles();
        List<Path> present;
        try (Stream<Path> files = Files.walk(DIR)) {
            present = files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.startsWith(DIR.resolve("src")) && !f.startsWith(DIR.resolve("target")))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                    .filter(f -> !f.getFileName().toString().equals("values.yaml")) // Helm values, not manifests
                    .map(Path::normalize).toList();
        }
        assertThat(listed).allSatisfy(f -> assertThat(f).isRegularFile());
        assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
        assertThat(Yamls.text(K8sDeployment.kustomization(), "namespace")).isEqualTo("salesops");
    }

    @Test
    void everyObjectHasAKnownKindItsApiVersionAndAValidName() {
        assertThat(K8sDeployment.manifests()).isNotEmpty().allSatisfy(m -> {
            assertThat(m.body()).as(m.toString()).containsKeys("apiVersion", "kind", "metadata");
            assertThat(API_VERSIONS).as("a kind this test knows: " + m).containsKey(m.kind());
            assertThat(m.body().get("apiVersion")).as(m.toString()).isEqualTo(API_VERSIONS.get(m.kind()));
            assertThat(m.name()).as(m.toString()).matches(SUBDOMAIN).hasSizeLessThanOrEqualTo(253);
            if (Set.of("Service", "Namespace", "StatefulSet", "Kafka", "FlinkDeployment").contains(m.kind())) {
                assertThat(m.name()).as(m.toString()).matches(LABEL).hasSizeLessThanOrEqualTo(52);
            }
            // The namespace comes from kustomization.yaml alone, so the whole set moves by one line.
            assertThat(m.at("metadata", "namespace")).as(m.toString()).isNull();
        });
    }

    @Test
    void noTwoObjectsOfOneKindShareAName() {
        List<String> keys = K8sDeployment.manifests().stream().map(m -> m.kind() + "/" + m.name()).toList();
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void workloadsHaveSelectorsMatchingTheirPodsAndPinnedImages() {
        for (Manifest m : workloads()) {
            Object selector = m.at("spec", "selector", "matchLabels");
            if (!m.kind().equals("Job") && !m.kind().equals("CronJob")) {
                assertThat(Yamls.map(selector, m.toString())).as(m.toString()).isNotEmpty();
                assertThat(Yamls.map(m.at("spec", "template", "metadata", "labels"), m.toString()))
                        .as(m.toString()).containsAllEntriesOf(Yamls.map(selector, m.toString()));
            }
            Map<String, Object> pod = podSpec(m);
            List<Object> containers = Yamls.list(pod.get("containers"), m + " containers");
            assertThat(containers).as(m.toString()).isNotEmpty().allSatisfy(c -> {
                assertThat(Yamls.text(c, "name")).matches(LABEL);
                assertThat(Yamls.text(c, "image")).as(m + ": an image with a tag, not latest")
                        .matches(".+:[^/]+").doesNotEndWith(":latest");
            });
            if (m.kind().equals("Job") || m.kind().equals("CronJob")) {
                assertThat(pod.get("restartPolicy")).as(m.toString()).isIn("Never", "OnFailure");
            }
        }
        // The REST catalog's SQLite file has one owner at a time.
        assertThat(Yamls.text(K8sDeployment.named("Deployment", "iceberg-rest").body(), "spec", "strategy", "type"))
                .isEqualTo("Recreate");
        assertThat(Yamls.text(K8sDeployment.named("CronJob", "lakehouse-maintain").body(), "spec", "schedule"))
                .matches("\\S+ \\S+ \\S+ \\S+ \\S+");
    }

    @Test
    void claimsAndServicesAreComplete() {
        assertThat(K8sDeployment.ofKind("PersistentVolumeClaim")).isNotEmpty().allSatisfy(pvc -> {
            assertThat(Yamls.list(pvc.at("spec", "accessModes"), pvc.toString())).isNotEmpty();
            assertThat(Yamls.text(pvc.body(), "spec", "resources", "requests", "storage")).matches("\\d+[MGT]i");
        });
        assertThat(K8sDeployment.ofKind("Service")).isNotEmpty().allSatisfy(service -> {
            assertThat(Yamls.list(service.at("spec", "ports"), service.toString())).isNotEmpty()
                    .allSatisfy(port -> assertThat(Yamls.at(port, "port")).isInstanceOf(Integer.class));
            // A Service whose selector matches no pod template routes nowhere.
            Map<String, Object> selector = Yamls.map(service.at("spec", "selector"), service.toString());
            assertThat(workloads()).as(service + " selects the pods of a workload")
                    .anySatisfy(w -> assertThat(Yamls.map(Yamls.at(w.body(), "spec", "template", "metadata", "labels"),
                            w.toString())).containsAllEntriesOf(selector));
        });
    }

    @Test
    void strimziResourcesHaveTheirRequiredFieldsAndBelongToTheKafka() {
        Manifest kafka = K8sDeployment.ofKind("Kafka").get(0);
        assertThat(K8sDeployment.ofKind("Kafka")).hasSize(1);
        assertThat(Yamls.list(kafka.at("spec", "kafka", "listeners"), "listeners")).isNotEmpty()
                .allSatisfy(l -> assertThat(Yamls.map(l, "listener")).containsKeys("name", "port", "type", "tls"));
        List<Manifest> members = new ArrayList<>(K8sDeployment.ofKind("KafkaNodePool"));
        members.addAll(K8sDeployment.ofKind("KafkaTopic"));
        assertThat(members).allSatisfy(m ->
                assertThat(m.at("metadata", "labels", "strimzi.io/cluster")).as(m.toString()).isEqualTo(kafka.name()));
        assertThat(K8sDeployment.ofKind("KafkaNodePool")).isNotEmpty().allSatisfy(pool -> {
            assertThat(Yamls.map(pool.at("spec"), pool.toString())).containsKeys("replicas", "roles", "storage");
            assertThat(Yamls.text(pool.body(), "spec", "storage", "type")).isIn("jbod", "persistent-claim", "ephemeral");
        });
        assertThat(K8sDeployment.ofKind("KafkaNodePool").stream()
                .flatMap(p -> Yamls.list(p.at("spec", "roles"), "roles").stream()).toList())
                .as("KRaft: some node is a controller, some a broker").contains("controller", "broker");
        assertThat(K8sDeployment.ofKind("KafkaTopic")).allSatisfy(t ->
                assertThat(Yamls.map(t.at("spec"), t.toString())).containsKeys("partitions", "replicas"));
    }

    @Test
    void theFlinkDeploymentHasWhatTheOperatorNeeds() {
        assertThat(K8sDeployment.ofKind("FlinkDeployment")).hasSize(1).allSatisfy(f -> {
            for (String[] path : List.of(new String[] {"spec", "image"}, new String[] {"spec", "flinkVersion"},
                    new String[] {"spec", "serviceAccount"}, new String[] {"spec", "job", "jarURI"},
                    new String[] {"spec", "job", "entryClass"}, new String[] {"spec", "job", "parallelism"},
                    new String[] {"spec", "jobManager", "resource", "memory"},
                    new String[] {"spec", "jobManager", "resource", "cpu"},
                    new String[] {"spec", "taskManager", "resource", "memory"},
                    new String[] {"spec", "taskManager", "resource", "cpu"})) {
                assertThat(f.at(path)).as(f + ": " + String.join(".", path)).isNotNull();
            }
            assertThat(f.at("spec", "mode")).isEqualTo("native");
            assertThat(f.at("spec", "job", "state")).isEqualTo("running");
            assertThat(f.at("spec", "job", "upgradeMode")).isEqualTo("savepoint");
            Map<String, Object> flink = Yamls.map(f.at("spec", "flinkConfiguration"), "flinkConfiguration");
            assertThat(flink).containsEntry("execution.checkpointing.mode", "EXACTLY_ONCE")
                    .containsEntry("high-availability.type", "kubernetes")
                    .containsKeys("restart-strategy.type", "taskmanager.numberOfTaskSlots");
            // Values as text: the operator's older CRDs take a map of strings here, and refuse a YAML number or boolean.
            assertThat(flink.values()).allSatisfy(v -> assertThat(v).isInstanceOf(String.class));
            for (String key : List.of("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir",
                    "high-availability.storageDir")) {
                assertThat(flink.get(key).toString()).as(key).startsWith("s3://");
            }
            assertThat(flink.get("execution.checkpointing.externalized-checkpoint-retention"))
                    .isEqualTo("RETAIN_ON_CANCELLATION");
        });
    }

    static List<Manifest> workloads() {
        return K8sDeployment.manifests().stream()
                .filter(m -> Set.of("Deployment", "StatefulSet", "Job", "CronJob").contains(m.kind())).toList();
    }

    /** The pod spec of a workload (a CronJob's one level further down). */
    static Map<String, Object> podSpec(Manifest workload) {
        Object spec = workload.kind().equals("CronJob")
                ? workload.at("spec", "jobTemplate", "spec", "template", "spec")
                : workload.at("spec", "template", "spec");
        return Yamls.map(spec, workload + " pod spec");
    }
}
