package org.salesops.pipelines.routine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a rep's reports of one day say together. A duplicate submission is one day, not two: the
 * first report known decides the time, each breakthrough counts once however many reports tick it,
 * and the evidence is the first sentence given.
 *
 * @param first         the earliest known report (null when there is none)
 * @param submissions   reports present for the day
 * @param breakthroughs the configured breakthroughs ticked, each once, in the configured order
 * @param evidence      the first non-blank evidence sentence, or null
 */
record DayContent(KnownReport first, int submissions, List<String> breakthroughs, String evidence) {

    static DayContent of(List<KnownReport> reports, List<String> configured) {
        List<KnownReport> present = new ArrayList<>(reports.stream().filter(KnownReport::present).toList());
        present.sort(Comparator.comparingLong((KnownReport r) -> r.knownAt).thenComparingLong(r -> r.latest.reportId));
        Set<String> ticked = new LinkedHashSet<>();
        String evidence = null;
        for (KnownReport report : present) {
            if (report.latest.breakthroughs != null) {
                for (String tick : report.latest.breakthroughs.split(";")) {
                    ticked.add(tick.trim());
                }
            }
            if (evidence == null && report.latest.evidence != null && !report.latest.evidence.isBlank()) {
                evidence = report.latest.evidence.trim();
            }
        }
        List<String> breakthroughs = configured.stream().filter(ticked::contains).toList();
        return new DayContent(present.isEmpty() ? null : present.get(0), present.size(), breakthroughs, evidence);
    }

    boolean empty() {
        return first == null;
    }
}
