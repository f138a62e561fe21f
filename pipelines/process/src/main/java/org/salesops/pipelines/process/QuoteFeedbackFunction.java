package org.salesops.pipelines.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by opportunity: the key-node rule for quotes (input 1) against the opportunity's stage
 * advances (input 2). After a quote is sent, the customer's feedback type is due within the
 * feedback window (24 h); the row says whether it came in time (false is decided by an event-time
 * timer at sent_at + 24 h). Advancing the opportunity to negotiation, contract or won after the
 * quote was sent and before its feedback was recorded is a violation. Everything is evaluated on
 * timers at the changes' commit times, so arrival order does not matter; the sink upserts by quote.
 */
public class QuoteFeedbackFunction extends KeyedCoProcessFunction<Long, QuoteChange, StageAdvance, QuoteFeedback> {

    private final long windowMillis;
    private final long retentionMillis;

    private transient MapState<Long, QuoteProgress> quotes;
    private transient ListState<StageAdvance> advances;

    public QuoteFeedbackFunction(ProcessSettings settings) {
        this.windowMillis = settings.feedbackWindow().toMillis();
        this.retentionMillis = settings.retention().toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        quotes = getRuntimeContext().getMapState(new MapStateDescriptor<>("quotes", Long.class, QuoteProgress.class));
        advances = getRuntimeContext().getListState(new ListStateDescriptor<>("stage-advances", StageAdvance.class));
    }

    @Override
    public void processElement1(QuoteChange quote, Context ctx, Collector<QuoteFeedback> out) throws Exception {
        QuoteProgress progress = quotes.get(quote.quoteId);
        if (progress == null) {
            progress = new QuoteProgress();
        } else if (!quote.version.isAfter(progress.latest.version)) {
            return;
        }
        progress.latest = quote;
        if (quote.feedbackType == null) {
            progress.feedbackKnownAt = null;
        } else if (progress.feedbackKnownAt == null) {
            progress.feedbackKnownAt = quote.version.committedAt;
        }
        quotes.put(quote.quoteId, progress);
        ctx.timerService().registerEventTimeTimer(quote.version.committedAt);
        if (quote.sentAt != null) {
            ctx.timerService().registerEventTimeTimer(quote.sentAt + windowMillis);
        }
        ctx.timerService().registerEventTimeTimer(keptUntil(quote));
    }

    @Override
    public void processElement2(StageAdvance advance, Context ctx, Collector<QuoteFeedback> out) throws Exception {
        for (StageAdvance known : advances.get()) {
            if (known.equals(advance)) {
                return;
            }
        }
        advances.add(advance);
        ctx.timerService().registerEventTimeTimer(advance.at);
        ctx.timerService().registerEventTimeTimer(advance.at + retentionMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<QuoteFeedback> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        List<StageAdvance> known = new ArrayList<>();
        advances.get().forEach(known::add);
        known.sort(Comparator.comparingLong(a -> a.at));
        List<Long> expired = new ArrayList<>();
        for (Map.Entry<Long, QuoteProgress> e : quotes.entries()) {
            QuoteProgress progress = e.getValue();
            QuoteFeedback row = evaluate(progress, known, watermark);
            if (row != null && !row.equals(progress.reported)) {
                out.collect(row);
                progress.reported = row;
                quotes.put(e.getKey(), progress);
            }
            if (keptUntil(progress.latest) <= watermark) {
                expired.add(e.getKey());
            }
        }
        for (Long quote : expired) {
            quotes.remove(quote);
        }
        known.removeIf(a -> a.at + retentionMillis <= watermark);
        if (known.isEmpty()) {
            advances.clear();
        } else {
            advances.update(known);
        }
    }

    /** The row the quote deserves now; null when it was never sent (nothing to write). */
    private QuoteFeedback evaluate(QuoteProgress progress, List<StageAdvance> known, long watermark) {
        QuoteChange q = progress.latest;
        if (q.deleted || q.sentAt == null) {
            // Deleted or taken back to draft: a row already written is marked, none is started.
            return progress.reported == null ? null : progress.reported.asDeleted();
        }
        QuoteFeedback row = new QuoteFeedback();
        row.quoteId = q.quoteId;
        row.opportunityId = q.opportunityId;
        row.ownerId = q.ownerId;
        row.sentAt = q.sentAt;
        row.feedbackType = q.feedbackType;
        row.feedbackAt = q.feedbackAt != null ? q.feedbackAt : q.feedbackType != null ? progress.feedbackKnownAt : null;
        long deadline = q.sentAt + windowMillis;
        row.feedbackInTime = row.feedbackAt != null ? Boolean.valueOf(row.feedbackAt <= deadline)
                : deadline <= watermark ? Boolean.FALSE : null;
        for (StageAdvance a : known) {
            if (a.at > q.sentAt && a.at <= watermark && (row.feedbackAt == null || a.at < row.feedbackAt)) {
                row.violation = true;
                row.stageAdvancedAt = a.at;
                row.advancedToStage = a.toStage;
                break;
            }
        }
        return row;
    }

    private long keptUntil(QuoteChange quote) {
        long lastEvent = quote.sentAt == null ? quote.version.committedAt
                : Math.max(quote.version.committedAt, quote.sentAt + windowMillis);
        return lastEvent + retentionMillis;
    }
}
