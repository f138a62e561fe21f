package org.salesops.jobs.generator;

import java.util.List;
import org.salesops.pipelines.crm.CrmChange;

/**
 * An alert rule read off the CRM's change record in commit order: which changes start a stretch
 * of silence and which end it. A change is known downstream at its commit time.
 */
interface CrmAlertRule {

    /** Takes in the next change (any table, tombstones included). */
    void see(CrmChange change);

    List<AlertEpisode> episodes();
}
