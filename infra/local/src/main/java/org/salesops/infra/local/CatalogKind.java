package org.salesops.infra.local;

/** Which database holds the shared Iceberg JDBC catalog of the local stack. */
public enum CatalogKind {
    /** A file in the stack directory: no server, the embedded default. */
    SQLITE,
    /** An embedded PostgreSQL server: the production-like path. */
    POSTGRES
}
