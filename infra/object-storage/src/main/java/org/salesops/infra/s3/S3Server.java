package org.salesops.infra.s3;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.salesops.infra.local.ServerJvm;

/**
 * A real S3-compatible object store on loopback: S3Proxy (Maven Central) on the jclouds file-system blob store,
 * in a JVM of its own, answering the S3 API with AWS signature V2/V4 checks and path-style addresses, as the
 * MinIO of infra/k8s does. Its objects live in files under {@code dir/blobs}, but clients only reach them through
 * the S3 API at {@link #endpoint()} with this server's credentials. The secret key is new for every server, so
 * a client succeeds only if the credentials it was given really reach the requests it signs.
 */
public final class S3Server implements AutoCloseable {

    private static final String MAIN_CLASS = "org.gaul.s3proxy.Main";
    /** What clients sign for; S3Proxy checks the signature with whatever region the request names. */
    public static final String REGION = "us-east-1";
    private static final String ACCESS_KEY = "salesops-test";

    private final ServerJvm jvm;
    private final int port;
    private final String secretKey;

    private S3Server(ServerJvm jvm, int port, String secretKey) {
        this.jvm = jvm;
        this.port = port;
        this.secretKey = secretKey;
    }

    /**
     * Starts the server on a free loopback port and waits until it answers HTTP. It has no bucket yet: clients
     * create theirs through the S3 API.
     *
     * @param dir its blobs, configuration and log go here
     */
    public static S3Server start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path blobs = Files.createDirectories(dir.resolve("blobs"));
        String secretKey = UUID.randomUUID().toString();
        Properties settings = new Properties();
        settings.setProperty("s3proxy.endpoint", endpoint(port));
        settings.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        settings.setProperty("s3proxy.identity", ACCESS_KEY);
        settings.setProperty("s3proxy.credential", secretKey);
        settings.setProperty("jclouds.provider", "filesystem");
        settings.setProperty("jclouds.filesystem.basedir", blobs.toString());
        // S3Proxy refuses the AWS SDK's upload in signed chunks with a trailing checksum (STREAMING-AWS4-HMAC-
        // SHA256-PAYLOAD-TRAILER, sent over plain http), so clients upload with chunked encoding off; the SDK then
        // sends the checksum as an x-amz-checksum-* header, which S3Proxy would refuse as not implemented. Ignoring
        // it, S3Proxy still checks the upload against the SHA-256 of the body the client signed.
        settings.setProperty("s3proxy.ignore-unknown-headers", "true");
        Path settingsFile = dir.resolve("s3proxy.properties");
        try (var out = Files.newBufferedWriter(settingsFile)) {
            settings.store(out, "S3Proxy settings written by S3Server");
        }
        // Without a configuration logback logs every Jetty event at DEBUG.
        Path logging = Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """);
        ServerJvm jvm = ServerJvm.start("S3 server", ServerJvm.recordedClasspath(S3Server.class, "s3-server.properties"),
                List.of("-Xmx512m", "-Dlogback.configurationFile=" + logging), MAIN_CLASS,
                List.of("--properties", settingsFile.toString()), env -> { }, dir, dir.resolve("s3-server.log"),
                // Any HTTP answer will do: an unsigned request is refused (403) once the server is up.
                URI.create(endpoint(port) + "/"), status -> status > 0);
        return new S3Server(jvm, port, secretKey);
    }

    /** The URL clients give as their S3 endpoint (path-style: buckets are the first part of the path). */
    public String endpoint() {
        return endpoint(port);
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return secretKey;
    }

    public Path logFile() {
        return jvm.logFile();
    }

    @Override
    public void close() {
        jvm.close();
    }

    private static String endpoint(int port) {
        return "http://127.0.0.1:" + port;
    }
}
