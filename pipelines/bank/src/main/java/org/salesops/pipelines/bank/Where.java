package org.salesops.pipelines.bank;

import org.salesops.pipelines.common.RejectedInput;

/**
 * Where in a camt document something was found, for rejection reasons a person can follow:
 * {@code "inbox/a.xml: camt.054 Ntfctn[1]/Ntry[3]: no Amt"}. Indexes are 1-based, as in XPath.
 *
 * @param origin      where the document came from (file, topic/partition/offset)
 * @param messageType e.g. camt.054, empty until the document is recognised
 * @param path        element steps below the message body, e.g. Ntfctn[1]/Ntry[3]
 */
record Where(String origin, String messageType, String path) {

    static Where document(String origin) {
        return new Where(origin, "", "");
    }

    Where messageType(String type) {
        return new Where(origin, type, path);
    }

    Where at(String element, int index) {
        String step = element + "[" + index + "]";
        return new Where(origin, messageType, path.isEmpty() ? step : path + "/" + step);
    }

    RejectedInput reject(String what) {
        return new RejectedInput(describe(what));
    }

    RejectedInput reject(String what, Throwable cause) {
        return new RejectedInput(describe(what), cause);
    }

    private String describe(String what) {
        StringBuilder reason = new StringBuilder();
        if (origin != null && !origin.isBlank()) {
            reason.append(origin).append(": ");
        }
        String location = (messageType + " " + path).trim();
        if (!location.isEmpty()) {
            reason.append(location).append(": ");
        }
        return reason.append(what).toString();
    }
}
