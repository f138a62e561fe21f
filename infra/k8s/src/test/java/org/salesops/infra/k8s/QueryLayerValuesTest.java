package org.salesops.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.infra.k8s.K8sDeployment.REPO;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.salesops.infra.k8s.K8sDeployment.Manifest;

/**
 * Trino's and Superset's Helm values fit the rest: Trino's catalog is the job's catalog, its access rules are the one
 * copy in schemas/access, and Superset's bundle reaches that Trino and is imported by the dashboards Job.
 */
class QueryLayerValuesTest {

    private static Properties properties(Object text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text.toString()));
        return properties;
    }

    private static String catalogInSupersetsUri() {
        Map<String, Object> database = Yamls.document(REPO.resolve("dashboards/superset/databases/salesops_trino.yaml"));
        return URI.create(Yamls.text(database, "sqlalchemy_uri")).getPath().substring(1);
    }

    @Test
    void trinosCatalogIsTheJobsCatalog() throws IOException {
        Map<String, Object> job = IngestDeploymentTest.jobConfiguration();
        String catalogName = catalogInSupersetsUri();
        Properties catalog = properties(Yamls.at(K8sDeployment.trinoValues(), "catalogs", catalogName));
        assertThat(catalog.getProperty("connector.name")).isEqualTo("iceberg");
        assertThat(catalog.getProperty("iceberg.catalog.type")).isEqualTo(job.get("catalog-type"));
        assertThat(catalog.getProperty("iceberg.rest-catalog.uri")).isEqualTo(job.get("catalog-uri"));
        assertThat(catalog.getProperty("iceberg.rest-catalog.warehouse")).isEqualTo(job.get("warehouse"));
        // The same format version the job's tables have (CatalogType.icebergProperties): Trino deletes from v2 only.
        assertThat(catalog.getProperty("iceberg.format-version")).isEqualTo("2");

        // Table files on the same S3 store as the job's S3FileIO, through Trino's native S3 file system.
        assertThat(catalog.getProperty("fs.native-s3.enabled")).isEqualTo("true");
        assertThat(catalog.getProperty("s3.endpoint")).isEqualTo(job.get("catalog-property.s3.endpoint"));
        assertThat(catalog.getProperty("s3.path-style-access")).isEqualTo(job.get("catalog-property.s3.path-style-access"));
        assertThat(catalog.getProperty("s3.region")).isEqualTo(job.get("catalog-property.client.region"));

        // The credentials are environment variables the chart fills from the S3 Secret, key for key.
        List<Object> env = Yamls.list(K8sDeployment.trinoValues().get("env"), "trino env");
        for (String property : List.of("s3.aws-access-key", "s3.aws-secret-key")) {
            String variable = catalog.getProperty(property).replaceAll("^\\$\\{ENV:(\\w+)}$", "$1");
            assertThat(env).as(property).anySatisfy(e -> {
                assertThat(Yamls.at(e, "name")).isEqualTo(variable);
                assertThat(Yamls.at(e, "valueFrom", "secretKeyRef", "name")).isEqualTo("s3-credentials");
            });
        }
    }

    @Test
    void trinosAccessRulesAreTheOneCopyInSchemas() throws IOException {
        Manifest access = K8sDeployment.trinoAccessConfigMap();
        Path schemas = REPO.resolve("schemas/access");
        assertThat(access.at("data", "rules.json")).isEqualTo(Files.readString(schemas.resolve("rules.json")));
        List<String> groups = Files.readAllLines(schemas.resolve("groups.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(access.at("data", "groups.txt").toString().lines().toList()).isEqualTo(groups).isNotEmpty();

        // Mounted where the access control and the group provider read them.
        Map<String, Object> values = K8sDeployment.trinoValues();
        Object mount = Yamls.list(Yamls.at(values, "coordinator", "configMounts"), "configMounts").stream()
                .filter(m -> access.name().equals(Yamls.at(m, "configMap"))).findFirst().orElseThrow();
        Path dir = Path.of(Yamls.text(mount, "path"));
        Properties control = properties(Yamls.at(values, "accessControl", "properties"));
        assertThat(Yamls.at(values, "accessControl", "type")).isEqualTo("properties");
        assertThat(control.getProperty("access-control.name")).isEqualTo("file");
        assertThat(Path.of(control.getProperty("security.config-file"))).isEqualTo(dir.resolve("rules.json"));
        Properties groupProvider = properties(Yamls.at(values, "coordinator", "additionalConfigFiles",
                "group-provider.properties"));
        assertThat(groupProvider.getProperty("group-provider.name")).isEqualTo("file");
        assertThat(Path.of(groupProvider.getProperty("file.group-file"))).isEqualTo(dir.resolve("groups.txt"));
    }

    @Test
    void supersetsBundleIsImportedIntoTheSupersetOfTheValues() {
        Map<String, Object> superset = K8sDeployment.supersetValues();
        String url = "http://" + Yamls.text(superset, "fullnameOverride") + ":" + Yamls.text(superset, "service", "port");
        Manifest job = K8sDeployment.named("Job", "dashboards-import");
        Object container = Yamls.list(ManifestShapeTest.podSpec(job).get("containers"), "containers").get(0);
        List<Object> args = Yamls.list(Yamls.at(container, "args"), "args");
        assertThat(args.subList(0, 2)).containsExactly("dashboards", "import");
        assertThat(args.get(args.indexOf("--url") + 1)).isEqualTo(url);
        // The bundle's database is Trino's catalog (its host:port is checked with every other Service).
        assertThat(Yamls.at(K8sDeployment.trinoValues(), "catalogs", catalogInSupersetsUri())).isNotNull();
        assertThat(Yamls.at(superset, "init", "loadExamples")).isEqualTo(false);
    }
}
