package org.salesops.dashboards;

import java.util.Set;

/**
 * The kinds of file in a Superset asset bundle, each with the keys Superset's importer requires and the keys it
 * accepts at all: its marshmallow schemas (ImportV1DatabaseSchema, ...Dataset..., ...Chart..., ...Dashboard...)
 * reject any other key, so an unknown key fails the whole import.
 */
public enum AssetKind {

    DATABASE("databases/",
            Set.of("database_name", "sqlalchemy_uri", "uuid", "version"),
            Set.of("password", "cache_timeout", "expose_in_sqllab", "allow_run_async", "allow_ctas", "allow_cvas",
                    "allow_dml", "allow_csv_upload", "extra", "is_managed_externally", "external_url", "ssh_tunnel")),
    DATASET("datasets/",
            Set.of("table_name", "uuid", "database_uuid", "version"),
            Set.of("main_dttm_col", "description", "default_endpoint", "offset", "cache_timeout", "schema", "catalog",
                    "sql", "params", "template_params", "filter_select_enabled", "fetch_values_predicate", "extra",
                    "columns", "metrics", "data", "is_managed_externally", "external_url", "normalize_columns",
                    "always_filter_main_dttm")),
    CHART("charts/",
            Set.of("slice_name", "viz_type", "uuid", "version", "dataset_uuid"),
            Set.of("description", "certified_by", "certification_details", "params", "query_context", "cache_timeout",
                    "is_managed_externally", "external_url")),
    DASHBOARD("dashboards/",
            Set.of("dashboard_title", "uuid", "version"),
            Set.of("description", "css", "slug", "position", "metadata", "is_managed_externally", "external_url",
                    "certified_by", "certification_details", "published"));

    /** Keys of a dataset's columns (ImportV1ColumnSchema) and metrics (ImportV1MetricSchema). */
    static final Set<String> COLUMN_REQUIRED = Set.of("column_name");
    static final Set<String> COLUMN_OPTIONAL = Set.of("extra", "verbose_name", "is_dttm", "is_active", "type",
            "advanced_data_type", "groupby", "filterable", "expression", "description", "python_date_format");
    static final Set<String> METRIC_REQUIRED = Set.of("metric_name", "expression");
    static final Set<String> METRIC_OPTIONAL = Set.of("verbose_name", "metric_type", "description", "d3format",
            "extra", "warning_text");

    final String folder;
    final Set<String> required;
    final Set<String> optional;

    AssetKind(String folder, Set<String> required, Set<String> optional) {
        this.folder = folder;
        this.required = required;
        this.optional = optional;
    }

    /** The kind of the file at this path inside the bundle, or null for a file the importer does not read. */
    static AssetKind of(String path) {
        for (AssetKind kind : values()) {
            if (path.startsWith(kind.folder)) {
                return kind;
            }
        }
        return null;
    }
}
