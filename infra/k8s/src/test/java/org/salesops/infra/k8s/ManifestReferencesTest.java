package org.salesops.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.salesops.infra.k8s.K8sDeployment.Manifest;

/**
 * Every name one object uses to find another resolves to something this folder defines: Secrets and their keys,
 * ConfigMaps and their keys, volume claims, ServiceAccounts and Roles, the Services behind every host:port, and the
 * one S3 bucket behind every s3:// path — in the manifests and in the Helm values alike.
 */
class ManifestReferencesTest {

    /** host:port after "//" (URLs, JDBC URLs), the host a plain name: a Service in the namespace. */
    private static final Pattern URL_ENDPOINT = Pattern.compile("//(?:[^@/\\s]+@)?([a-z][a-z0-9-]*):(\\d+)");
    /** A whole value that is host:port (Kafka bootstrap servers). */
    private static final Pattern PLAIN_ENDPOINT = Pattern.compile("([a-z][a-z0-9-]*):(\\d+)");
    private static final Pattern S3_PATH = Pattern.compile("s3a?://([^/\\s]+)");

    /** Every tree the cluster sees: the manifests, the Helm values, and the job's configuration file. */
    private static List<Object> everything() {
        List<Object> trees = new ArrayList<>();
        K8sDeployment.manifests().forEach(m -> trees.add(m.body()));
        trees.add(K8sDeployment.trinoValues());
        trees.add(K8sDeployment.supersetValues());
        return trees;
    }

    @Test
    void everySecretAndKeyReferencedIsGenerated() {
        Map<String, Set<String>> secrets = K8sDeployment.generatedSecrets();
        List<String> references = new ArrayList<>();
        for (Object tree : everything()) {
            Yamls.eachMap(tree, node -> {
                if (node.get("secretKeyRef") instanceof Map<?, ?> ref) {
                    references.add(Yamls.text(ref, "name") + "/" + Yamls.text(ref, "key"));
                }
                if (node.get("secretRef") instanceof Map<?, ?> ref) {
                    references.add(Yamls.text(ref, "name") + "/");
                }
                if (node.get("secret") instanceof Map<?, ?> volume) {
                    references.add(Yamls.text(volume, "secretName") + "/");
                }
            });
        }
        Yamls.list(K8sDeployment.supersetValues().get("envFromSecrets"), "envFromSecrets")
                .forEach(name -> references.add(name + "/"));
        assertThat(references).isNotEmpty().allSatisfy(ref -> {
            String name = ref.substring(0, ref.indexOf('/'));
            String key = ref.substring(ref.indexOf('/') + 1);
            assertThat(secrets).as("Secret " + name).containsKey(name);
            if (!key.isEmpty()) {
                assertThat(secrets.get(name)).as("key of Secret " + name).contains(key);
            }
        });
        assertThat(references.stream().map(r -> r.substring(0, r.indexOf('/'))).collect(Collectors.toSet()))
                .as("every generated Secret is used").containsAll(secrets.keySet());
    }

    @Test
    void everyConfigMapAndKeyReferencedIsDefined() {
        Map<String, Set<String>> maps = K8sDeployment.configMaps();
        List<String> references = new ArrayList<>();
        for (Object tree : everything()) {
            Yamls.eachMap(tree, node -> {
                if (node.get("configMapKeyRef") instanceof Map<?, ?> ref) {
                    references.add(Yamls.text(ref, "name") + "/" + Yamls.text(ref, "key"));
                }
                if (node.get("configMapRef") instanceof Map<?, ?> ref) {
                    references.add(Yamls.text(ref, "name") + "/");
                }
                Object configMap = node.get("configMap");
                if (configMap instanceof Map<?, ?> volume) {
                    references.add(Yamls.text(volume, "name") + "/");
                } else if (configMap instanceof String chartMount) { // the Trino chart's configMounts
                    references.add(chartMount + "/");
                }
            });
        }
        assertThat(references).isNotEmpty().allSatisfy(ref -> {
            String name = ref.substring(0, ref.indexOf('/'));
            String key = ref.substring(ref.indexOf('/') + 1);
            assertThat(maps).as("ConfigMap " + name).containsKey(name);
            if (!key.isEmpty()) {
                assertThat(maps.get(name)).as("key of ConfigMap " + name).contains(key);
            }
        });
    }

    @Test
    void everyVolumeClaimServiceAccountAndRoleReferencedIsDefined() {
        Set<String> claims = names("PersistentVolumeClaim");
        Set<String> claimed = new TreeSet<>();
        for (Object tree : everything()) {
            Yamls.eachMap(tree, node -> {
                if (node.get("persistentVolumeClaim") instanceof Map<?, ?> volume) {
                    claimed.add(Yamls.text(volume, "claimName"));
                }
            });
        }
        assertThat(claims).containsAll(claimed).isEqualTo(claimed);

        Set<String> accounts = names("ServiceAccount");
        K8sDeployment.ofKind("FlinkDeployment").forEach(f ->
                assertThat(accounts).contains(Yamls.text(f.body(), "spec", "serviceAccount")));
        for (Manifest binding : K8sDeployment.ofKind("RoleBinding")) {
            assertThat(names("Role")).contains(Yamls.text(binding.body(), "roleRef", "name"));
            assertThat(Yamls.list(binding.at("subjects"), "subjects"))
                    .allSatisfy(s -> assertThat(accounts).contains(Yamls.text(s, "name")));
        }
    }

    @Test
    void everyHostAndPortIsAServiceOfTheDeployment() {
        Set<String> endpoints = K8sDeployment.serviceEndpoints();
        List<String> used = new ArrayList<>();
        List<Object> trees = new ArrayList<>(everything());
        trees.add(IngestDeploymentTest.jobConfiguration());
        trees.add(Yamls.document(K8sDeployment.REPO.resolve("dashboards/superset/databases/salesops_trino.yaml")));
        for (Object tree : trees) {
            Yamls.eachMap(tree, node -> node.forEach((key, value) -> {
                if (key.equals("image")) {
                    return; // name:tag looks like host:port
                }
                List<?> texts = value instanceof List<?> list ? list : List.of(value == null ? "" : value);
                for (Object text : texts) {
                    Matcher url = URL_ENDPOINT.matcher(text.toString());
                    while (url.find()) {
                        used.add(url.group(1) + ":" + url.group(2));
                    }
                    for (String part : text.toString().split(",")) {
                        if (PLAIN_ENDPOINT.matcher(part.trim()).matches()) {
                            used.add(part.trim());
                        }
                    }
                }
            }));
        }
        assertThat(used).as("host:port references").isNotEmpty();
        assertThat(endpoints).containsAll(used);
    }

    @Test
    void everyS3PathIsInTheOneBucketAndEveryS3ClientUsesTheOneEndpoint() {
        Map<String, Object> storage = Yamls.map(K8sDeployment.named("ConfigMap", "lakehouse-storage").at("data"),
                "lakehouse-storage");
        String bucket = storage.get("S3_BUCKET").toString();
        Map<String, String> paths = new LinkedHashMap<>();
        for (Object tree : everything()) {
            Yamls.eachText(tree, text -> {
                Matcher s3 = S3_PATH.matcher(text);
                while (s3.find()) {
                    paths.put(text, s3.group(1));
                }
            });
        }
        assertThat(paths).as("s3:// paths").isNotEmpty();
        assertThat(paths.values()).containsOnly(bucket);
        Manifest flink = K8sDeployment.ofKind("FlinkDeployment").get(0);
        assertThat(flink.at("spec", "flinkConfiguration", "s3.endpoint")).isEqualTo(storage.get("S3_ENDPOINT"));
        assertThat(flink.at("spec", "flinkConfiguration", "s3.endpoint.region")).isEqualTo(storage.get("AWS_REGION"));
    }

    private static Set<String> names(String kind) {
        return K8sDeployment.ofKind(kind).stream().map(Manifest::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
