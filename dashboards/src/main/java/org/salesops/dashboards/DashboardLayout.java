package org.salesops.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A dashboard's charts as its position lays them out: rows from the grid, in each row charts with their width. */
final class DashboardLayout {

    /** A chart in a row: its uuid, its width in Superset's 12-column grid and its height in grid units (8 px). */
    record Placement(String chartUuid, int width, int height) {
    }

    private DashboardLayout() {
    }

    static List<List<Placement>> rows(Asset dashboard) {
        JsonNode position = dashboard.content().path("position");
        List<List<Placement>> rows = new ArrayList<>();
        for (JsonNode rowId : position.path("GRID_ID").path("children")) {
            List<Placement> row = new ArrayList<>();
            for (JsonNode childId : position.path(rowId.asText()).path("children")) {
                JsonNode item = position.path(childId.asText());
                if ("CHART".equals(item.path("type").asText())) {
                    JsonNode meta = item.path("meta");
                    row.add(new Placement(meta.path("uuid").asText(), meta.path("width").asInt(4), meta.path("height").asInt(50)));
                }
            }
            rows.add(row);
        }
        return rows;
    }
}
