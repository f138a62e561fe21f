package org.salesops.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.salesops.infra.k8s.K8sDeployment.Manifest;
import org.salesops.jobs.cli.Lakehouse;
import picocli.CommandLine;

/**
 * Every container that runs the lakehouse CLI runs a command line the CLI accepts (parsed by its own picocli model,
 * not executed), and the image's launcher is the one those containers call.
 */
class CliInvocationsTest {

    private static List<Manifest> cliWorkloads() {
        return ManifestShapeTest.workloads().stream().filter(w -> {
            Object container = Yamls.list(ManifestShapeTest.podSpec(w).get("containers"), "containers").get(0);
            return List.of("lakehouse").equals(Yamls.at(container, "command"));
        }).toList();
    }

    @Test
    void everyLakehouseCommandLineParses() {
        assertThat(cliWorkloads()).extracting(Manifest::name)
                .contains("statements-ingestor", "lakehouse-maintain", "trino-views", "dashboards-import");
        for (Manifest workload : cliWorkloads()) {
            Object container = Yamls.list(ManifestShapeTest.podSpec(workload).get("containers"), "containers").get(0);
            String[] args = Yamls.list(Yamls.at(container, "args"), workload + " args").stream()
                    .map(Object::toString).toArray(String[]::new);
            assertThatCode(() -> new CommandLine(new Lakehouse()).parseArgs(args)).as(workload.toString())
                    .doesNotThrowAnyException();
            // $(NAME) is filled by Kubernetes from the container's environment: it must be there.
            for (String arg : args) {
                if (arg.matches("\\$\\(\\w+\\)")) {
                    String variable = arg.substring(2, arg.length() - 1);
                    assertThat(Yamls.list(Yamls.at(container, "env"), workload + " env"))
                            .as(workload + " defines " + variable)
                            .anySatisfy(e -> assertThat(Yamls.at(e, "name")).isEqualTo(variable));
                }
            }
        }
    }

    @Test
    void theImagesLauncherIsWhatTheContainersCall() throws Exception {
        List<String> dockerfile = Files.readAllLines(K8sDeployment.DIR.resolve("image/Dockerfile"));
        assertThat(dockerfile).contains("COPY infra/k8s/image/lakehouse /usr/local/bin/lakehouse");
        String launcher = Files.readString(K8sDeployment.DIR.resolve("image/lakehouse"));
        assertThat(launcher).contains(Lakehouse.class.getName());
        assertThat(Files.isExecutable(K8sDeployment.DIR.resolve("image/lakehouse"))).isTrue();
        // The views are created by a service account: definer rights (schemas/access).
        Manifest views = K8sDeployment.named("Job", "trino-views");
        Object container = Yamls.list(ManifestShapeTest.podSpec(views).get("containers"), "containers").get(0);
        List<Object> args = Yamls.list(Yamls.at(container, "args"), "args");
        String user = args.get(args.indexOf("--trino-user") + 1).toString();
        assertThat(Files.readAllLines(K8sDeployment.REPO.resolve("schemas/access/groups.txt")))
                .anySatisfy(line -> {
                    assertThat(line).startsWith("service:");
                    assertThat(line.substring("service:".length()).split(",")).contains(user);
                });
    }
}
