package org.salesops.jobs.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An opportunity in flight: its stage, amount, the quote under discussion and the work around it. */
final class Deal {

    final long id;
    final Prospect prospect;
    String stage;
    BigDecimal amount;
    Long quoteId;
    BigDecimal quoteAmount;
    String quoteFeedback;
    boolean presalesDone;
    /** Times the rep waited in vain for quote feedback. */
    int waits;
    final List<Long> openTasks = new ArrayList<>();
    final List<Long> tentativeSchedules = new ArrayList<>();

    Deal(long id, Prospect prospect, String stage) {
        this.id = id;
        this.prospect = prospect;
        this.stage = stage;
    }

    boolean closed() {
        return stage.equals("won") || stage.equals("lost");
    }

    /** Lost deals cancel their open work; won ones still finish it. */
    boolean lost() {
        return stage.equals("lost");
    }

    /** Objections come up once prices are on the table. */
    boolean negotiating() {
        return stage.equals("quote") || stage.equals("negotiation");
    }
}
