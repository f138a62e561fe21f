package org.salesops.pipelines.process;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.salesops.pipelines.crm.CrmChange;

/**
 * Wires the sales-process metrics over CRM changes, which must carry their commit times as event
 * timestamps, with watermarks: needs-discovery depth per follow-up and per rep and day, the life of
 * each registered commitment, promises in follow-up notes never registered, and quote feedback on
 * the key node after a quote is sent.
 */
public final class ProcessMetrics {

    private ProcessMetrics() {
    }

    /** One stream per gold table; each element's {@code toRow()} is a row of it (the sinks upsert). */
    public record Streams(
            DataStream<FollowUpDiscovery> followUpDiscovery,
            DataStream<DiscoveryDaily> discoveryDaily,
            DataStream<CommitmentLife> commitments,
            DataStream<UnregisteredCommitment> unregisteredCommitments,
            DataStream<QuoteFeedback> quoteFeedback) {
    }

    public static Streams compute(DataStream<CrmChange> crm, ProcessSettings settings) {
        TypeInformation<Long> id = TypeInformation.of(Long.class);

        SingleOutputStreamOperator<FollowUpDiscovery> followUps = crm
                .flatMap((CrmChange c, Collector<FollowUpDiscovery> out) -> {
                    FollowUpDiscovery f = FollowUpDiscovery.of(c, settings.zone());
                    if (f != null) {
                        out.collect(f);
                    }
                })
                .returns(FollowUpDiscovery.class).name("follow-up discovery").uid("follow-up-discovery")
                .keyBy(f -> f.activityId, id)
                .process(new FollowUpVersions(settings)).returns(FollowUpDiscovery.class)
                .name("follow-up versions").uid("follow-up-versions");
        DataStream<DiscoveryDaily> daily = followUps.union(followUps.getSideOutput(FollowUpVersions.WITHDRAWN))
                .keyBy(DiscoveryDayFunction::key, TypeInformation.of(String.class))
                .process(new DiscoveryDayFunction(settings)).returns(DiscoveryDaily.class)
                .name("discovery per rep and day").uid("discovery-per-rep-day");

        DataStream<CommitmentLife> commitments = crm
                .flatMap((CrmChange c, Collector<CommitmentChange> out) -> {
                    CommitmentChange commitment = CommitmentChange.of(c);
                    if (commitment != null) {
                        out.collect(commitment);
                    }
                })
                .returns(CommitmentChange.class).name("commitment changes").uid("commitment-changes")
                .keyBy(c -> c.commitmentId, id)
                .process(new CommitmentLifeFunction(settings)).returns(CommitmentLife.class)
                .name("commitment life").uid("commitment-life");

        CommitmentLanguage language = CommitmentLanguage.load();
        DataStream<PromiseSignal> promises = crm
                .flatMap((CrmChange c, Collector<PromiseSignal> out) -> PromiseSignal.of(c, language).forEach(out::collect))
                .returns(PromiseSignal.class).name("promises in follow-up notes").uid("promises-in-notes");
        DataStream<Registration> registrations = crm
                .flatMap((CrmChange c, Collector<Registration> out) -> {
                    Registration r = Registration.of(c);
                    if (r != null) {
                        out.collect(r);
                    }
                })
                .returns(Registration.class).name("commitment registrations").uid("commitment-registrations");
        DataStream<UnregisteredCommitment> unregistered = promises.keyBy(p -> p.customerId, id)
                .connect(registrations.keyBy(r -> r.customerId, id))
                .process(new UnregisteredCommitmentFunction(settings)).returns(UnregisteredCommitment.class)
                .name("unregistered commitments").uid("unregistered-commitments");

        DataStream<QuoteChange> quotes = crm
                .flatMap((CrmChange c, Collector<QuoteChange> out) -> {
                    QuoteChange q = QuoteChange.of(c);
                    if (q != null) {
                        out.collect(q);
                    }
                })
                .returns(QuoteChange.class).name("quote changes").uid("quote-changes");
        DataStream<StageAdvance> advances = crm
                .flatMap((CrmChange c, Collector<StageAdvance> out) -> {
                    StageAdvance a = StageAdvance.of(c);
                    if (a != null) {
                        out.collect(a);
                    }
                })
                .returns(StageAdvance.class).name("stage advances").uid("stage-advances");
        DataStream<QuoteFeedback> feedback = quotes.keyBy(q -> q.opportunityId, id)
                .connect(advances.keyBy(a -> a.opportunityId, id))
                .process(new QuoteFeedbackFunction(settings)).returns(QuoteFeedback.class)
                .name("quote feedback").uid("quote-feedback");

        return new Streams(followUps, daily, commitments, unregistered, feedback);
    }
}
