package org.salesops.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Imports the bundle into a running Superset through its REST API, as `superset import` would: log in with a
 * database-auth user (/api/v1/security/login), fetch a CSRF token for that session (/api/v1/security/csrf_token/),
 * then POST the ZIP to /api/v1/assets/import/, which overwrites every asset of the bundle — the endpoint for
 * dashboards kept in git. The Trino password, if the database needs one, goes in the `passwords` field, keyed by
 * the database file's path inside the bundle, so it never sits in the YAML.
 */
public final class SupersetImport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final URI base;
    /** Keeps the session cookie the CSRF token is bound to. */
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(20)).build();

    public SupersetImport(URI base) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
    }

    /**
     * @param databasePassword the password of the bundle's databases for Superset to store, or null for none
     * @return Superset's answer, e.g. {"message": "OK"}
     */
    public String importBundle(Bundle bundle, String user, String password, String databasePassword)
            throws IOException, InterruptedException {
        byte[] zip = BundleZip.of(bundle);
        String accessToken = login(user, password);
        String csrf = send(HttpRequest.newBuilder(base.resolve("api/v1/security/csrf_token/"))
                .header("Authorization", "Bearer " + accessToken).GET(), "CSRF token").path("result").asText();

        Map<String, String> passwords = new TreeMap<>();
        if (databasePassword != null) {
            bundle.assets(AssetKind.DATABASE).forEach(db -> passwords.put(db.path(), databasePassword));
        }
        Multipart body = new Multipart()
                .file("bundle", BundleZip.ROOT + ".zip", "application/zip", zip)
                .field("passwords", JSON.writeValueAsString(passwords))
                .field("overwrite", "true");
        return send(HttpRequest.newBuilder(base.resolve("api/v1/assets/import/"))
                .header("Authorization", "Bearer " + accessToken)
                .header("X-CSRFToken", csrf)
                .header("Referer", base.toString())
                .header("Content-Type", "multipart/form-data; boundary=" + body.boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())), "import").toString();
    }

    private String login(String user, String password) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("username", user, "password", password, "provider", "db",
                "refresh", true));
        JsonNode answer = send(HttpRequest.newBuilder(base.resolve("api/v1/security/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "login");
        if (!answer.hasNonNull("access_token")) {
            throw new IOException("Superset login answered without an access token: " + answer);
        }
        return answer.get("access_token").asText();
    }

    private JsonNode send(HttpRequest.Builder request, String step) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Superset " + step + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** A multipart/form-data body (RFC 7578), which java.net.http does not build itself. */
    static final class Multipart {
        final String boundary = "salesops-" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            part("Content-Disposition: form-data; name=\"" + name + "\"\r\n", value.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Multipart file(String name, String fileName, String contentType, byte[] content) {
            part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                    + "Content-Type: " + contentType + "\r\n", content);
            return this;
        }

        byte[] bytes() {
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        private void part(String headers, byte[] content) {
            out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
    }
}
