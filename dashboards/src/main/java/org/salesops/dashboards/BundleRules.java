package org.salesops.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules Superset's asset importer (superset/commands/importers/v1) applies to a bundle, checked before a
 * Superset sees it: metadata version 1.0.0 and type assets; per file kind, the required keys and no unknown keys;
 * every UUID well formed, unique, and every reference to one resolving inside the bundle; every chart placed on a
 * dashboard (the importer links charts to dashboards only through the position's CHART entries, which need a
 * chartId); every column and metric a chart's params use declared in its dataset (Superset builds a chart's query
 * from those declarations alone). Each broken rule is one line naming the file.
 */
public final class BundleRules {

    static final String VERSION = "1.0.0";

    private final Bundle bundle;
    private final List<String> problems = new ArrayList<>();

    private BundleRules(Bundle bundle) {
        this.bundle = bundle;
    }

    /** The broken rules; empty when the bundle imports. */
    public static List<String> check(Bundle bundle) {
        BundleRules rules = new BundleRules(bundle);
        rules.checkMetadata();
        rules.checkKeys();
        rules.checkUuids();
        rules.checkReferences();
        rules.checkPositions();
        rules.checkChartFields();
        return List.copyOf(rules.problems);
    }

    private void checkMetadata() {
        JsonNode metadata = bundle.metadata().orElse(null);
        if (metadata == null) {
            problems.add(Bundle.METADATA + ": missing");
            return;
        }
        if (!VERSION.equals(metadata.path("version").asText())) {
            problems.add(Bundle.METADATA + ": version must be " + VERSION + ", not " + metadata.get("version"));
        }
        if (!"assets".equals(metadata.path("type").asText())) {
            problems.add(Bundle.METADATA + ": type must be assets, not " + metadata.get("type"));
        }
        unknownKeys(Bundle.METADATA, metadata, Set.of("version", "type", "timestamp"));
    }

    private void checkKeys() {
        for (AssetKind kind : AssetKind.values()) {
            for (Asset asset : bundle.assets(kind)) {
                keys(asset.path(), asset.content(), kind.required, kind.optional);
                if (kind == AssetKind.DATASET) {
                    asset.content().path("columns").forEach(c -> keys(asset.path() + " column " + c.get("column_name"),
                            c, AssetKind.COLUMN_REQUIRED, AssetKind.COLUMN_OPTIONAL));
                    asset.content().path("metrics").forEach(m -> keys(asset.path() + " metric " + m.get("metric_name"),
                            m, AssetKind.METRIC_REQUIRED, AssetKind.METRIC_OPTIONAL));
                }
            }
        }
    }

    private void keys(String where, JsonNode node, Set<String> required, Set<String> optional) {
        for (String key : required) {
            if (node.path(key).isMissingNode() || node.path(key).isNull()) {
                problems.add(where + ": required key " + key + " missing");
            }
        }
        Set<String> allowed = new HashSet<>(required);
        allowed.addAll(optional);
        unknownKeys(where, node, allowed);
    }

    private void unknownKeys(String where, JsonNode node, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowed.contains(key)) {
                problems.add(where + ": unknown key " + key + " (the importer rejects it)");
            }
        }
    }

    private void checkUuids() {
        Map<String, String> seen = new HashMap<>();
        for (AssetKind kind : AssetKind.values()) {
            for (Asset asset : bundle.assets(kind)) {
                String uuid = asset.uuid();
                if (uuid == null) {
                    continue; // reported as a missing key
                }
                if (!isUuid(uuid)) {
                    problems.add(asset.path() + ": uuid " + uuid + " is not a UUID");
                }
                String other = seen.putIfAbsent(uuid, asset.path());
                if (other != null) {
                    problems.add(asset.path() + ": uuid " + uuid + " is also the uuid of " + other);
                }
            }
        }
    }

    private void checkReferences() {
        for (Asset dataset : bundle.assets(AssetKind.DATASET)) {
            resolves(dataset, "database_uuid", AssetKind.DATABASE);
        }
        for (Asset chart : bundle.assets(AssetKind.CHART)) {
            resolves(chart, "dataset_uuid", AssetKind.DATASET);
        }
    }

    private void resolves(Asset asset, String key, AssetKind target) {
        String uuid = asset.text(key);
        if (uuid != null && bundle.byUuid(target, uuid).isEmpty()) {
            problems.add(asset.path() + ": " + key + " " + uuid + " is no " + target.name().toLowerCase() + " in the bundle");
        }
    }

    private void checkPositions() {
        Set<String> placed = new HashSet<>();
        for (Asset dashboard : bundle.assets(AssetKind.DASHBOARD)) {
            JsonNode position = dashboard.content().path("position");
            if (!position.isObject()) {
                problems.add(dashboard.path() + ": position missing");
                continue;
            }
            Set<Integer> chartIds = new HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = position.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode item = entry.getValue();
                if (!item.isObject()) {
                    continue; // DASHBOARD_VERSION_KEY
                }
                String where = dashboard.path() + " position " + entry.getKey();
                if (!item.path("type").isTextual() || !entry.getKey().equals(item.path("id").asText())) {
                    problems.add(where + ": needs a type and its own key as id");
                }
                item.path("children").forEach(child -> {
                    if (!position.has(child.asText())) {
                        problems.add(where + ": child " + child.asText() + " is not in the position");
                    }
                });
                if ("CHART".equals(item.path("type").asText())) {
                    String uuid = item.path("meta").path("uuid").asText(null);
                    if (uuid == null || bundle.byUuid(AssetKind.CHART, uuid).isEmpty()) {
                        problems.add(where + ": chart uuid " + uuid + " is no chart in the bundle");
                    } else {
                        placed.add(uuid);
                    }
                    if (!item.path("meta").path("chartId").canConvertToInt()
                            || !chartIds.add(item.path("meta").path("chartId").asInt())) {
                        problems.add(where + ": needs a chartId of its own (the importer maps charts by it)");
                    }
                }
            }
            for (String root : List.of("ROOT_ID", "GRID_ID")) {
                if (!position.has(root)) {
                    problems.add(dashboard.path() + ": position has no " + root);
                }
            }
        }
        for (Asset chart : bundle.assets(AssetKind.CHART)) {
            if (!placed.contains(chart.uuid())) {
                problems.add(chart.path() + ": placed on no dashboard");
            }
        }
    }

    private void checkChartFields() {
        for (Asset chart : bundle.assets(AssetKind.CHART)) {
            Asset dataset = bundle.byUuid(AssetKind.DATASET, chart.text("dataset_uuid")).orElse(null);
            if (dataset == null) {
                continue; // reported as an unresolved reference
            }
            Set<String> columns = names(dataset.content().path("columns"), "column_name");
            Set<String> metrics = names(dataset.content().path("metrics"), "metric_name");
            JsonNode params = chart.content().path("params");
            for (String column : ChartParams.columnsUsed(params)) {
                if (!columns.contains(column)) {
                    problems.add(chart.path() + ": column " + column + " is not declared in " + dataset.path());
                }
            }
            for (String metric : ChartParams.savedMetricsUsed(params)) {
                if (!metrics.contains(metric)) {
                    problems.add(chart.path() + ": metric " + metric + " is not declared in " + dataset.path());
                }
            }
        }
    }

    private static Set<String> names(JsonNode list, String key) {
        Set<String> names = new HashSet<>();
        list.forEach(item -> names.add(item.path(key).asText()));
        return names;
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
