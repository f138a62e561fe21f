package org.salesops.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.io.FileIO;
import org.junit.jupiter.api.Test;
import org.salesops.jobs.ingest.config.IngestConfig;
import org.salesops.jobs.ingest.config.IngestConfigLoader;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetUrlRequest;

/**
 * The configuration of a warehouse on S3-compatible storage reaches Iceberg's S3FileIO and the AWS SDK
 * the job jar bundles: the S3 client the catalog would use addresses the configured endpoint, path-style.
 * No S3 server is contacted (building a client and a URL needs none).
 */
class S3FileIOConfigTest {

    @Test
    void theCatalogsFileIoIsS3FileIoOnTheConfiguredEndpointWithPathStyleAddresses() {
        IngestConfig config = IngestConfigLoader.load(new String[] {"--bootstrap-servers", "k:9092",
                "--catalog-type", "rest", "--catalog-uri", "http://iceberg-rest:8181",
                "--warehouse", "s3://salesops-lakehouse/warehouse",
                "--catalog-property.io-impl", "org.apache.iceberg.aws.s3.S3FileIO",
                "--catalog-property.s3.endpoint", "http://minio:9000",
                "--catalog-property.s3.path-style-access", "true",
                "--catalog-property.client.region", "us-east-1"},
                Map.of());
        Map<String, String> props = config.catalogProperties();

        // What RESTCatalog and JdbcCatalog do with io-impl: CatalogUtil.loadFileIO with the catalog's properties.
        try (FileIO io = CatalogUtil.loadFileIO(props.get(CatalogProperties.FILE_IO_IMPL), props, new Configuration())) {
            assertThat(io).isInstanceOf(S3FileIO.class);
            S3Client s3 = ((S3FileIO) io).client();
            assertThat(s3.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://minio:9000"));
            assertThat(s3.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
            URI object = URI.create(s3.utilities().getUrl(GetUrlRequest.builder()
                    .bucket("salesops-lakehouse").key("warehouse/raw/calls/data/f.parquet").build()).toString());
            assertThat(object).as("path-style: the bucket in the path, not in the host name")
                    .isEqualTo(URI.create("http://minio:9000/salesops-lakehouse/warehouse/raw/calls/data/f.parquet"));
        }
    }
}
