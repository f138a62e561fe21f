package org.salesops.pipelines.bank;

import java.util.List;

/**
 * A camt message as read, before reconciliation.
 *
 * @param sourceFormat e.g. camt.054.001.08
 * @param reports      its statements, notifications or reports, in document order
 */
record CamtDocument(CamtMessageType type, String sourceFormat, String messageId, List<AccountReport> reports) {
}
