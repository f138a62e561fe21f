package org.salesops.dashboards;

import com.fasterxml.jackson.databind.JsonNode;

/** One YAML file of the bundle: its path inside the bundle (e.g. charts/lead_response.yaml) and its content. */
public record Asset(String path, AssetKind kind, JsonNode content) {

    public String uuid() {
        return text("uuid");
    }

    /** A top-level string value, or null when absent. */
    public String text(String key) {
        JsonNode value = content.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
