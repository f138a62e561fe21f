package org.salesops.pipelines.matching;

import java.util.List;
import org.salesops.pipelines.bank.BankTransaction;
import org.salesops.pipelines.crm.CrmChange;

/** The matching engine of CNY on maps that copy like RocksDB: each input applied at once, at its own time. */
final class Engine {

    static final MatchingSettings SETTINGS = MatchingSettings.load();

    private final PaymentMatcher matcher;
    final Recorded out = new Recorded();

    Engine() {
        this(SETTINGS);
    }

    Engine(MatchingSettings settings) {
        this(new CopyingStores(), settings);
    }

    Engine(Stores stores, MatchingSettings settings) {
        matcher = new PaymentMatcher(stores, settings);
    }

    Engine send(CrmChange... changes) {
        for (CrmChange change : changes) {
            List<MatchingEvent> events = MatchingEvents.of(change, List.of("CNY"));
            if (!events.isEmpty()) {
                matcher.apply(events, change.committedAt().toEpochMilli(), out);
            }
        }
        return this;
    }

    PaymentMatch pay(Company.Credit credit) {
        BankTransaction t = credit.build();
        matcher.apply(List.of(MatchingEvents.of(t)), t.bookedAt().toEpochMilli(), out);
        return out.latest(t.transactionKey());
    }
}
