package org.salesops.pipelines.crm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrmSchemaTest {

    @Test
    void readsEveryTableOfTheGivenDdlWithTypesAndKeys() {
        CrmSchema schema = CrmSchema.load();

        assertThat(schema.tables()).containsKeys("teams", "users", "customers", "leads", "opportunities",
                "activities", "daily_reports", "quotes", "commitments", "collab_tasks", "delivery_schedule",
                "contracts", "invoices", "receivable_steps", "status_change_requests", "payment_match_decisions");
        assertThat(schema.tables()).hasSize(16);

        CrmSchema.Table leads = schema.table("leads");
        assertThat(leads.primaryKey()).isEqualTo("id");
        assertThat(leads.column("assigned_at").type()).isEqualTo(CrmSchema.SqlType.TIMESTAMPTZ);
        assertThat(leads.column("channel").notNull()).isTrue();
        assertThat(leads.column("customer_id").notNull()).isFalse();

        CrmSchema.Column amount = schema.table("contracts").column("commission_rate");
        assertThat(amount.type()).isEqualTo(CrmSchema.SqlType.NUMERIC);
        assertThat(amount.precision()).isEqualTo(5);
        assertThat(amount.scale()).isEqualTo(4);
        assertThat(schema.table("delivery_schedule").column("start_date").type()).isEqualTo(CrmSchema.SqlType.DATE);
        assertThat(schema.table("users").column("active").type()).isEqualTo(CrmSchema.SqlType.BOOLEAN);
        assertThat(schema.table("activities").column("questions_asked").type()).isEqualTo(CrmSchema.SqlType.INTEGER);
    }
}
