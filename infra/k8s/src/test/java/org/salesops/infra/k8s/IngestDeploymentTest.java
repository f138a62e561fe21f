package org.salesops.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.infra.k8s.K8sDeployment.DIR;
import static org.salesops.infra.k8s.K8sDeployment.REPO;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.infra.k8s.K8sDeployment.Manifest;
import org.salesops.jobs.ingest.IngestJob;
import org.salesops.jobs.ingest.IngestMain;
import org.salesops.jobs.ingest.KafkaResultPublisher;
import org.salesops.jobs.ingest.KafkaTopics;
import org.salesops.jobs.ingest.config.IngestConfig;
import org.salesops.jobs.ingest.config.IngestConfigLoader;
import org.salesops.jobs.ingest.config.IngestKey;

/**
 * The deployment of the ingest job agrees with the job's code and build: the Kafka topics are the ones the job reads
 * and writes (KafkaTopics.all()), the job's configuration file and environment use only keys of docs/CONFIGURATION.md
 * (IngestKey) and load through the job's own loader, and the jar, main class, Flink version and JVM flags are the
 * build's.
 */
class IngestDeploymentTest {

    private static final Pattern ROOT_POM_PROPERTY = Pattern.compile("<(flink\\.version|flink\\.jvm\\.opens)>([^<]*)<");

    /** The job's configuration file as the FlinkDeployment mounts it. */
    static Map<String, Object> jobConfiguration() {
        Object text = K8sDeployment.named("ConfigMap", "salesops-ingest-config").at("data", "ingest.yaml");
        return Yamls.parse(text.toString(), "salesops-ingest-config ingest.yaml");
    }

    private static Manifest flinkDeployment() {
        return K8sDeployment.named("FlinkDeployment", "salesops-ingest");
    }

    /** The environment of the job's container, as name -> value or "secret:<name>/<key>". */
    private static Map<String, String> jobEnvironment() {
        Map<String, String> env = new HashMap<>();
        for (Object container : Yamls.list(flinkDeployment().at("spec", "podTemplate", "spec", "containers"), "containers")) {
            for (Object variable : Yamls.list(Yamls.at(container, "env"), "env")) {
                Object value = Yamls.at(variable, "value");
                Object secret = Yamls.at(variable, "valueFrom", "secretKeyRef");
                env.put(Yamls.text(variable, "name"), value != null ? value.toString()
                        : "secret:" + Yamls.text(secret, "name") + "/" + Yamls.text(secret, "key"));
            }
        }
        return env;
    }

    @Test
    void theTopicsAreExactlyTheOnesTheJobReadsAndWrites() {
        List<String> declared = K8sDeployment.ofKind("KafkaTopic").stream()
                .map(t -> t.at("spec", "topicName") != null ? t.at("spec", "topicName").toString() : t.name())
                .toList();
        assertThat(declared).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(KafkaTopics.all());
        assertThat(KafkaTopics.all()).contains(IngestJob.CALL_TOPIC, IngestJob.BANK_TOPIC, IngestJob.STATEMENT_TOPIC,
                KafkaResultPublisher.ALERTS_TOPIC, KafkaResultPublisher.PAYMENT_MATCHES_TOPIC);
    }

    @Test
    void everyTopicIsReplicatedThreeTimesKeptForeverAndSizedForItsRecords() {
        Map<String, Object> job = jobConfiguration();
        for (Manifest topic : K8sDeployment.ofKind("KafkaTopic")) {
            String name = topic.at("spec", "topicName") != null ? topic.at("spec", "topicName").toString() : topic.name();
            assertThat(topic.at("spec", "replicas")).as(name).isEqualTo(3).isEqualTo(job.get("topic-replication"));
            assertThat(topic.at("spec", "config", "min.insync.replicas")).as(name).isEqualTo(2);
            // As KafkaTopics.ensure creates them: a replayed history must not expire on arrival.
            assertThat(topic.at("spec", "config", "retention.ms")).as(name).isEqualTo(-1);
            boolean input = !name.equals(KafkaResultPublisher.ALERTS_TOPIC)
                    && !name.equals(KafkaResultPublisher.PAYMENT_MATCHES_TOPIC);
            if (input) {
                assertThat(topic.at("spec", "partitions")).as(name).isEqualTo(job.get("topic-partitions"));
            }
        }
        Manifest statements = K8sDeployment.named("KafkaTopic", IngestJob.STATEMENT_TOPIC);
        assertThat(statements.at("spec", "config", "max.message.bytes"))
                .isEqualTo(KafkaTopics.MAX_STATEMENT_BYTES + 65_536);
        Manifest kafka = K8sDeployment.ofKind("Kafka").get(0);
        assertThat(Integer.parseInt(kafka.at("spec", "kafka", "config", "replica.fetch.max.bytes").toString()))
                .isGreaterThanOrEqualTo(KafkaTopics.MAX_STATEMENT_BYTES + 65_536);
    }

    @Test
    void kafkaKeepsEveryAcknowledgedRecordAndTransactionWithOneBrokerLost() {
        Manifest kafka = K8sDeployment.ofKind("Kafka").get(0);
        Map<String, Object> config = Yamls.map(kafka.at("spec", "kafka", "config"), "kafka config");
        assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                .containsEntry("offsets.topic.replication.factor", 3)
                .containsEntry("transaction.state.log.replication.factor", 3)
                .containsEntry("transaction.state.log.min.isr", 2)
                .containsEntry("unclean.leader.election.enable", false);
        int brokers = K8sDeployment.ofKind("KafkaNodePool").stream()
                .filter(p -> Yamls.list(p.at("spec", "roles"), "roles").contains("broker"))
                .mapToInt(p -> (Integer) p.at("spec", "replicas")).sum();
        assertThat(brokers).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theJobsConfigurationUsesOnlyItsKeysAndLoadsThroughTheJobsLoader(@TempDir Path dir) throws IOException {
        Map<String, Object> file = jobConfiguration();
        Set<String> keys = Arrays.stream(IngestKey.values()).map(IngestKey::key).collect(Collectors.toSet());
        assertThat(file.keySet()).allSatisfy(key -> assertThat(keys.contains(key)
                || key.startsWith(IngestConfigLoader.CATALOG_PROPERTY_PREFIX)).as(key + " is a key of the job").isTrue());

        Map<String, String> env = jobEnvironment();
        Set<String> envVars = Arrays.stream(IngestKey.values()).map(IngestKey::envVar).collect(Collectors.toSet());
        envVars.add(IngestConfigLoader.CONFIG_ENV);
        assertThat(env.keySet().stream().filter(n -> n.startsWith(IngestKey.ENV_PREFIX)))
                .as("SALESOPS_* variables the job reads").isNotEmpty().allSatisfy(n -> assertThat(envVars).contains(n));
        // Secrets reach the job by environment only, never in the file: S3FileIO's from the AWS SDK's default chain.
        assertThat(file.keySet()).noneMatch(key -> key.matches(".*(password|secret|credential|token|access-key).*"));
        assertThat(jobSecretsFromEnvironment()).contains("s3-credentials");

        // The file is where SALESOPS_CONFIG says: the ConfigMap's key under its mount path.
        Path configPath = Path.of(env.get(IngestConfigLoader.CONFIG_ENV));
        assertThat(mountPathOf(flinkDeployment(), "salesops-ingest-config")).isEqualTo(configPath.getParent().toString());
        assertThat(configPath.getFileName()).hasToString("ingest.yaml");

        // What the job's main does with this file and environment.
        Path copy = dir.resolve("ingest.yaml");
        Files.writeString(copy, K8sDeployment.named("ConfigMap", "salesops-ingest-config").at("data", "ingest.yaml").toString());
        Map<String, String> given = new HashMap<>();
        env.forEach((name, value) -> given.put(name, value.startsWith("secret:") ? "from-" + value.substring(7) : value));
        given.put(IngestConfigLoader.CONFIG_ENV, copy.toString());
        IngestConfig config = IngestConfigLoader.load(new String[0], given);

        Manifest kafka = K8sDeployment.ofKind("Kafka").get(0);
        assertThat(config.bootstrapServers()).isEqualTo(kafka.name() + "-kafka-bootstrap:" + plainListenerPort(kafka));
        assertThat(config.parallelism()).isEqualTo(flinkDeployment().at("spec", "job", "parallelism"));
        assertThat(config.bounded()).as("a live job").isFalse();
        assertThat(config.checkpointInterval()).isBetween(Duration.ofSeconds(10), Duration.ofMinutes(5));
        // The REST catalog with its warehouse on the one S3 store (ManifestReferencesTest: the Service and the bucket).
        Map<String, Object> storage = Yamls.map(K8sDeployment.named("ConfigMap", "lakehouse-storage").at("data"),
                "lakehouse-storage");
        assertThat(config.catalogProperties())
                .containsEntry("type", "rest")
                .containsEntry("uri", "http://iceberg-rest:8181")
                .containsEntry("warehouse", "s3://" + storage.get("S3_BUCKET") + "/warehouse")
                .containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO")
                .containsEntry("s3.endpoint", storage.get("S3_ENDPOINT").toString())
                .containsEntry("s3.path-style-access", "true")
                .containsEntry("client.region", storage.get("AWS_REGION").toString());
        assertThat(K8sDeployment.named("Service", "iceberg-rest").toString()).isNotEmpty();
        assertThat(Yamls.list(K8sDeployment.named("Deployment", "iceberg-rest").at("spec", "template", "spec", "containers"),
                "iceberg-rest containers")).anySatisfy(c -> assertThat(Yamls.list(Yamls.at(c, "env"), "env"))
                .anySatisfy(e -> {
                    assertThat(Yamls.at(e, "name")).isEqualTo("CATALOG_WAREHOUSE");
                    assertThat(Yamls.at(e, "value")).as("the REST server's warehouse is the job's")
                            .isEqualTo(config.catalogProperties().get("warehouse"));
                }));
    }

    /** The Secrets whose every key is the job container's environment (envFrom). */
    private static List<String> jobSecretsFromEnvironment() {
        List<String> secrets = new ArrayList<>();
        for (Object container : Yamls.list(flinkDeployment().at("spec", "podTemplate", "spec", "containers"), "containers")) {
            for (Object source : Yamls.list(Yamls.at(container, "envFrom"), "envFrom")) {
                Object secret = Yamls.at(source, "secretRef", "name");
                if (secret != null) {
                    secrets.add(secret.toString());
                }
            }
        }
        return secrets;
    }

    @Test
    void theOtherProgramsUseTheJobsKafkaAndCatalog() {
        Map<String, Object> job = jobConfiguration();
        List<String> statements = args(K8sDeployment.named("Deployment", "statements-ingestor"));
        assertThat(option(statements, "--bootstrap-servers")).isEqualTo(job.get("bootstrap-servers"));
        assertThat(statements).contains("--watch");

        Manifest maintain = K8sDeployment.named("CronJob", "lakehouse-maintain");
        List<String> args = args(maintain);
        assertThat(option(args, "--catalog-name")).isEqualTo(job.get("catalog-name"));
        assertThat(option(args, "--catalog-type")).isEqualTo(job.get("catalog-type"));
        assertThat(option(args, "--catalog-uri")).isEqualTo(job.get("catalog-uri"));
        assertThat(option(args, "--warehouse")).isEqualTo(job.get("warehouse"));

        // The same Iceberg catalog properties (S3FileIO, endpoint, path style, region), and the S3 credentials.
        Map<String, String> jobProperties = new HashMap<>();
        job.forEach((key, value) -> {
            if (key.startsWith(IngestConfigLoader.CATALOG_PROPERTY_PREFIX)) {
                jobProperties.put(key.substring(IngestConfigLoader.CATALOG_PROPERTY_PREFIX.length()), value.toString());
            }
        });
        Map<String, String> maintainProperties = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--catalog-property")) {
                String[] pair = args.get(++i).split("=", 2);
                maintainProperties.put(pair[0], pair[1]);
            }
        }
        assertThat(jobProperties).containsKey("io-impl");
        assertThat(maintainProperties).isEqualTo(jobProperties);
        Object container = Yamls.list(ManifestShapeTest.podSpec(maintain).get("containers"), "containers").get(0);
        assertThat(Yamls.list(Yamls.at(container, "envFrom"), "maintain envFrom"))
                .anySatisfy(source -> assertThat(Yamls.at(source, "secretRef", "name")).isEqualTo("s3-credentials"));
        assertThat(jobSecretsFromEnvironment()).contains("s3-credentials");
    }

    @Test
    void theJarEntryClassFlinkVersionAndJvmFlagsAreTheBuilds() throws IOException {
        Manifest flink = flinkDeployment();
        String jobPom = Files.readString(REPO.resolve("jobs/ingest/pom.xml"));
        String rootPom = Files.readString(REPO.resolve("pom.xml"));
        List<String> dockerfile = Files.readAllLines(DIR.resolve("image/Dockerfile"));

        assertThat(flink.at("spec", "job", "entryClass")).isEqualTo(IngestMain.class.getName());
        assertThat(jobPom).contains("<mainClass>" + IngestMain.class.getName() + "</mainClass>");

        // jarURI -> the image's COPY of the file the shade plugin writes.
        String jarPath = flink.at("spec", "job", "jarURI").toString().replaceFirst("^local://", "");
        String jarName = Path.of(jarPath).getFileName().toString();
        assertThat(jobPom).contains("<outputFile>${project.build.directory}/" + jarName + "</outputFile>");
        assertThat(dockerfile).anyMatch(line -> line.contains("jobs/ingest/target/" + jarName));
        assertThat(dockerfile).anyMatch(line -> line.startsWith("COPY ") && line.endsWith(" " + jarPath));

        Map<String, String> pom = new HashMap<>();
        Matcher property = ROOT_POM_PROPERTY.matcher(rootPom);
        while (property.find()) {
            pom.put(property.group(1), property.group(2));
        }
        String flinkVersion = pom.get("flink.version");
        String[] parts = flinkVersion.split("\\.");
        assertThat(flink.at("spec", "flinkVersion")).isEqualTo("v" + parts[0] + "_" + parts[1]);
        assertThat(dockerfile).anyMatch(line -> line.matches("FROM flink:" + Pattern.quote(flinkVersion) + "-\\S+"));
        assertThat(dockerfile).anyMatch(line -> line.contains("flink-s3-fs-hadoop-" + flinkVersion + ".jar"));
        assertThat(flink.at("spec", "flinkConfiguration", "env.java.opts.all")).isEqualTo(pom.get("flink.jvm.opens"));

        // Every program runs the one image the Dockerfile builds.
        String image = flink.at("spec", "image").toString();
        assertThat(ManifestShapeTest.workloads().stream()
                .flatMap(w -> Yamls.list(ManifestShapeTest.podSpec(w).get("containers"), "containers").stream())
                .map(c -> Yamls.text(c, "image")).filter(i -> i.startsWith("salesops-")).toList())
                .isNotEmpty().containsOnly(image);
    }

    private static int plainListenerPort(Manifest kafka) {
        return Yamls.list(kafka.at("spec", "kafka", "listeners"), "listeners").stream()
                .filter(l -> Boolean.FALSE.equals(Yamls.at(l, "tls")) && "internal".equals(Yamls.at(l, "type")))
                .map(l -> (Integer) Yamls.at(l, "port")).findFirst().orElseThrow();
    }

    /** The arguments of a workload's (first) container. */
    private static List<String> args(Manifest workload) {
        Object container = Yamls.list(ManifestShapeTest.podSpec(workload).get("containers"), "containers").get(0);
        return Yamls.list(Yamls.at(container, "args"), workload + " args").stream().map(Object::toString).toList();
    }

    private static String option(List<String> args, String name) {
        int at = args.indexOf(name);
        assertThat(at).as("option " + name + " in " + args).isNotNegative();
        return args.get(at + 1);
    }

    /** Where the volume backed by a ConfigMap or claim of this name is mounted in the workload's first container. */
    private static String mountPathOf(Manifest workload, String source) {
        Map<String, Object> pod = workload.kind().equals("FlinkDeployment")
                ? Yamls.map(workload.at("spec", "podTemplate", "spec"), "podTemplate")
                : ManifestShapeTest.podSpec(workload);
        String volume = null;
        for (Object v : Yamls.list(pod.get("volumes"), workload + " volumes")) {
            if (source.equals(Yamls.at(v, "configMap", "name")) || source.equals(Yamls.at(v, "persistentVolumeClaim", "claimName"))) {
                volume = Yamls.text(v, "name");
            }
        }
        assertThat(volume).as(workload + " has a volume from " + source).isNotNull();
        List<String> paths = new ArrayList<>();
        Object container = Yamls.list(pod.get("containers"), "containers").get(0);
        for (Object mount : Yamls.list(Yamls.at(container, "volumeMounts"), "volumeMounts")) {
            if (volume.equals(Yamls.at(mount, "name"))) {
                paths.add(Yamls.text(mount, "mountPath"));
            }
        }
        assertThat(paths).as(workload + " mounts " + volume).hasSize(1);
        return paths.get(0);
    }
}
