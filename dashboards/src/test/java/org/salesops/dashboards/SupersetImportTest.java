package org.salesops.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a stand-in for Superset's REST API that checks what a real one checks: token, CSRF token and session. */
class SupersetImportTest {

    HttpServer superset;
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile String importBody;
    volatile int importStatus = 200;

    @BeforeEach
    void start() throws IOException {
        superset = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        superset.createContext("/api/v1/security/login", ex -> {
            String body = read(ex);
            calls.add("login " + body);
            answer(ex, body.contains("\"password\":\"secret\"") ? 200 : 401, "{\"access_token\":\"T0K\",\"refresh_token\":\"R\"}");
        });
        superset.createContext("/api/v1/security/csrf_token/", ex -> {
            calls.add("csrf " + ex.getRequestHeaders().getFirst("Authorization"));
            ex.getResponseHeaders().add("Set-Cookie", "session=S1; Path=/");
            answer(ex, 200, "{\"result\":\"CSRF1\"}");
        });
        superset.createContext("/api/v1/assets/import/", ex -> {
            calls.add("import " + ex.getRequestHeaders().getFirst("Authorization") + " " + ex.getRequestHeaders().getFirst("X-CSRFToken")
                    + " " + ex.getRequestHeaders().getFirst("Cookie"));
            importBody = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
            answer(ex, importStatus, importStatus == 200 ? "{\"message\":\"OK\"}" : "{\"errors\":[{\"message\":\"Error importing assets\"}]}");
        });
        superset.start();
    }

    @AfterEach
    void stop() {
        superset.stop(0);
    }

    @Test
    void logsInFetchesACsrfTokenForTheSessionAndPostsTheZipWithTheDatabasePassword() throws Exception {
        String answer = new SupersetImport(url()).importBundle(Bundle.packaged(), "admin", "secret", "trino-pw");

        assertThat(answer).contains("OK");
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0)).contains("\"username\":\"admin\"", "\"provider\":\"db\"");
        assertThat(calls.get(1)).isEqualTo("csrf Bearer T0K");
        assertThat(calls.get(2)).isEqualTo("import Bearer T0K CSRF1 session=S1");
        assertThat(importBody)
                .contains("Content-Disposition: form-data; name=\"bundle\"; filename=\"salesops_dashboards.zip\"")
                .contains("Content-Type: application/zip")
                .contains("Content-Disposition: form-data; name=\"passwords\"")
                .contains("{\"databases/salesops_trino.yaml\":\"trino-pw\"}")
                .contains(BundleZip.ROOT + "/metadata.yaml");
    }

    @Test
    void aRefusedImportIsAnErrorWithSupersetsAnswer() {
        importStatus = 422;

        assertThatThrownBy(() -> new SupersetImport(url()).importBundle(Bundle.packaged(), "admin", "secret", null))
                .hasMessageContaining("import failed: HTTP 422").hasMessageContaining("Error importing assets");
    }

    @Test
    void aWrongPasswordStopsAtTheLogin() {
        assertThatThrownBy(() -> new SupersetImport(url()).importBundle(Bundle.packaged(), "admin", "wrong", null))
                .hasMessageContaining("login failed: HTTP 401");
        assertThat(calls).hasSize(1);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + superset.getAddress().getPort() + "/");
    }

    static String read(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
