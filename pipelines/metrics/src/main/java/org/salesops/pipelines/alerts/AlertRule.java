package org.salesops.pipelines.alerts;

import java.io.Serializable;
import java.util.List;
import org.salesops.pipelines.crm.CrmChange;

/** What one CRM change means to one alert rule: usually nothing, else a WATCH, TOUCH or STOP. */
public interface AlertRule extends Serializable {

    List<SilenceEvent> events(CrmChange change);
}
