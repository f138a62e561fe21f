package org.salesops.infra.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A warehouse on S3-compatible object storage (MinIO, S3Proxy, AWS S3) instead of the local disk, and how both
 * engines reach it: Iceberg Java through its S3FileIO, Trino through its native S3 file system, both with
 * path-style addresses ({@code http://host/bucket/key}, which MinIO and most S3-compatible servers need) and the
 * same static credentials.
 *
 * @param location  where new tables put their files: {@code s3://bucket/path}
 * @param endpoint  the store's URL, e.g. {@code http://127.0.0.1:9000}
 * @param region    the region requests are signed for (S3-compatible servers accept any)
 * @param accessKey access key id
 * @param secretKey secret access key
 */
public record S3Warehouse(String location, String endpoint, String region, String accessKey, String secretKey) {

    public S3Warehouse {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (!location.startsWith("s3://")) {
            throw new IllegalArgumentException("An S3 warehouse is an s3://bucket/path location, not " + location);
        }
    }

    /** Iceberg's S3FileIO on this store: what a catalog needs beside its own properties. */
    public Map<String, String> icebergProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
        properties.put("s3.endpoint", endpoint);
        properties.put("s3.path-style-access", "true");
        properties.put("client.region", region);
        properties.put("s3.access-key-id", accessKey);
        properties.put("s3.secret-access-key", secretKey);
        // Uploads signed whole rather than streamed in signed chunks with a trailing checksum, which the AWS SDK
        // does over plain http and not every S3-compatible server accepts (S3Proxy does not; MinIO and AWS do).
        properties.put("s3.chunked-encoding-enabled", "false");
        return properties;
    }

    /** Trino's native S3 file system on this store: lines of the Iceberg catalog's properties file. */
    public Properties trinoProperties() {
        Properties properties = new Properties();
        properties.setProperty("fs.native-s3.enabled", "true");
        properties.setProperty("s3.endpoint", endpoint);
        properties.setProperty("s3.path-style-access", "true");
        properties.setProperty("s3.region", region);
        properties.setProperty("s3.aws-access-key", accessKey);
        properties.setProperty("s3.aws-secret-key", secretKey);
        return properties;
    }

    @Override
    public String toString() {
        return "S3Warehouse[location=" + location + ", endpoint=" + endpoint + ", region=" + region
                + ", accessKey=" + accessKey + "]";
    }
}
