package org.salesops.infra.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of infra/k8s as the tests see them: the manifests kustomization.yaml applies, the generated Secrets and
 * ConfigMaps, the Helm values of Trino and Superset, and the host:port of every Service they define.
 */
final class K8sDeployment {

    /** The module's folder (Maven runs tests there): infra/k8s. */
    static final Path DIR = Path.of("").toAbsolutePath();
    static final Path REPO = DIR.resolve("../..").normalize();

    /** One Kubernetes object of a manifest file. */
    record Manifest(Path file, Map<String, Object> body) {
        String kind() {
            return Yamls.text(body, "kind");
        }

        String name() {
            return Yamls.text(body, "metadata", "name");
        }

        Object at(String... keys) {
            return Yamls.at(body, keys);
        }

        @Override
        public String toString() {
            return body.get("kind") + "/" + Yamls.at(body, "metadata", "name") + " in " + DIR.relativize(file);
        }
    }

    private static final List<Manifest> MANIFESTS = load();

    private K8sDeployment() {
    }

    static Map<String, Object> kustomization() {
        return Yamls.document(DIR.resolve("kustomization.yaml"));
    }

    /** The manifest files kustomization.yaml applies, in its order. */
    static List<Path> resourceFiles() {
        return Yamls.list(kustomization().get("resources"), "kustomization resources").stream()
                .map(r -> DIR.resolve(r.toString()).normalize()).toList();
    }

    private static List<Manifest> load() {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : resourceFiles()) {
            Yamls.documents(file).forEach(body -> manifests.add(new Manifest(file, body)));
        }
        return List.copyOf(manifests);
    }

    static List<Manifest> manifests() {
        return MANIFESTS;
    }

    static List<Manifest> ofKind(String kind) {
        return MANIFESTS.stream().filter(m -> kind.equals(m.body().get("kind"))).toList();
    }

    static Manifest named(String kind, String name) {
        List<Manifest> found = ofKind(kind).stream().filter(m -> m.name().equals(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " named " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    /**
     * The Secrets kustomization.yaml generates, with their keys: each from an env file the operator fills in from
     * the committed {@code <file>.example}.
     */
    static Map<String, Set<String>> generatedSecrets() {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        for (Object generator : Yamls.list(kustomization().get("secretGenerator"), "secretGenerator")) {
            Set<String> keys = new LinkedHashSet<>();
            for (Object envFile : Yamls.list(Yamls.at(generator, "envs"), "secretGenerator envs")) {
                Yamls.read(DIR.resolve(envFile + ".example")).lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .forEach(line -> keys.add(line.substring(0, line.indexOf('='))));
            }
            secrets.put(Yamls.text(generator, "name"), keys);
        }
        return secrets;
    }

    /** The ConfigMaps of the manifests and the one trino/access-configmap.sh prints, with their keys. */
    static Map<String, Set<String>> configMaps() {
        Map<String, Set<String>> maps = new LinkedHashMap<>();
        for (Manifest m : ofKind("ConfigMap")) {
            maps.put(m.name(), Yamls.map(m.at("data"), m.toString()).keySet());
        }
        Manifest access = trinoAccessConfigMap();
        maps.put(access.name(), Yamls.map(access.at("data"), "trino-access").keySet());
        return maps;
    }

    /** What {@code trino/access-configmap.sh} prints, parsed. */
    static Manifest trinoAccessConfigMap() {
        Path script = DIR.resolve("trino/access-configmap.sh");
        try {
            Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new AssertionError(script + " failed: " + out);
            }
            return new Manifest(script, Yamls.parse(out, script.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> trinoValues() {
        return Yamls.document(DIR.resolve("trino/values.yaml"));
    }

    static Map<String, Object> supersetValues() {
        return Yamls.document(DIR.resolve("superset/values.yaml"));
    }

    /**
     * Every host:port a pod in the namespace can reach by a Service name: the Services of the manifests, the
     * bootstrap Service Strimzi makes for each listener of a Kafka, and the Services of the two Helm releases.
     */
    static Set<String> serviceEndpoints() {
        Set<String> endpoints = new LinkedHashSet<>();
        for (Manifest service : ofKind("Service")) {
            for (Object port : Yamls.list(service.at("spec", "ports"), service.toString())) {
                endpoints.add(service.name() + ":" + Yamls.text(port, "port"));
            }
        }
        for (Manifest kafka : ofKind("Kafka")) {
            for (Object listener : Yamls.list(kafka.at("spec", "kafka", "listeners"), kafka.toString())) {
                endpoints.add(kafka.name() + "-kafka-bootstrap:" + Yamls.text(listener, "port"));
            }
        }
        for (Map<String, Object> values : List.of(trinoValues(), supersetValues())) {
            endpoints.add(Yamls.text(values, "fullnameOverride") + ":" + Yamls.text(values, "service", "port"));
        }
        return endpoints;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
