package org.salesops.pipelines.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SilenceAlertFunctionTest {

    static final String RULE = "quote_feedback_missing";
    static final long QUOTE = 5L;
    static final long OWNER = 7L;
    static final long T0 = Instant.parse("2026-03-02T01:00:00Z").toEpochMilli();
    static final long HOUR = Duration.ofHours(1).toMillis();
    static final String MESSAGE = "报价未获客户反馈 Quote feedback missing: quote 5";

    AlertHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new AlertHarness();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    static long at(double hours) {
        return T0 + (long) (hours * HOUR);
    }

    /** Silence from {@code startHours}, due 24 h later, escalating 48 h after the start. */
    static SilenceEvent watch(double startHours) {
        return SilenceEvent.watch(RULE, "quote", QUOTE, OWNER, at(startHours), at(startHours + 24),
                at(startHours + 48), MESSAGE, null);
    }

    static SilenceEvent dwellWatch(double startHours) {
        return SilenceEvent.watch(RULE, "quote", QUOTE, OWNER, at(startHours), at(startHours + 48),
                at(startHours + 96), MESSAGE, Threshold.hours(48));
    }

    static Alert opened(double startHours, double dueHours) {
        return Alert.open(RULE, "quote", QUOTE, OWNER, at(startHours), at(dueHours), MESSAGE);
    }

    @Test
    void opensAtTheDeadlineNotBeforeAndEscalatesAtTwiceTheThreshold() throws Exception {
        // given a silence starting at T0, due at +24 h
        harness.send(watch(0), at(0));

        // when the watermark reaches one millisecond before the deadline, nothing
        harness.watermark(at(24) - 1);
        assertThat(harness.alerts()).isEmpty();

        // then at the deadline the alert opens, due at the deadline
        harness.watermark(at(24));
        assertThat(harness.alerts()).containsExactly(opened(0, 24));
        assertThat(harness.alerts().get(0).alertId).isEqualTo("quote_feedback_missing:quote:5:" + at(0));

        harness.watermark(at(48) - 1);
        assertThat(harness.alerts()).hasSize(1);
        harness.watermark(at(48));
        assertThat(harness.alerts()).containsExactly(opened(0, 24), opened(0, 24).escalated(at(48)));
        assertThat(harness.alerts().get(1).level).isEqualTo(2);

        // and a STOP resolves the escalated alert at its own timestamp and forgets the subject
        harness.send(SilenceEvent.stop(RULE, QUOTE), at(50));
        harness.endOfInput();
        assertThat(harness.alerts()).containsExactly(opened(0, 24), opened(0, 24).escalated(at(48)),
                opened(0, 24).escalated(at(48)).resolved(at(50)));
        harness.assertNothingLeaks();
    }

    @Test
    void actionBeforeTheDeadlineRaisesNothing() throws Exception {
        harness.send(watch(0), at(0));
        harness.send(SilenceEvent.stop(RULE, QUOTE), at(10));
        harness.endOfInput();

        assertThat(harness.alerts()).isEmpty();
        harness.assertNothingLeaks();
    }

    @Test
    void actionExactlyAtTheDeadlineIsInTime() throws Exception {
        harness.send(watch(0), at(0));
        harness.send(SilenceEvent.stop(RULE, QUOTE), at(24));
        harness.endOfInput();

        assertThat(harness.alerts()).isEmpty();
        harness.assertNothingLeaks();
    }

    @Test
    void touchResolvesADwellAlertAndRestartsTheSilenceFromTheAction() throws Exception {
        harness.send(dwellWatch(0), at(0));
        harness.watermark(at(48));
        assertThat(harness.alerts()).containsExactly(opened(0, 48));

        // a follow-up that happened at 50 h, logged (committed) at 51 h
        harness.send(SilenceEvent.touch(RULE, QUOTE, at(50)), at(51));
        harness.watermark(at(51));
        assertThat(harness.alerts()).containsExactly(opened(0, 48), opened(0, 48).resolved(at(51)));

        // the new silence runs 48 h from the follow-up, with its own alert id
        harness.watermark(at(98) - 1);
        assertThat(harness.alerts()).hasSize(2);
        harness.watermark(at(98));
        assertThat(harness.alerts().get(2)).isEqualTo(opened(50, 98));
        harness.watermark(at(146));
        assertThat(harness.alerts().get(3)).isEqualTo(opened(50, 98).escalated(at(146)));

        harness.send(SilenceEvent.stop(RULE, QUOTE), at(150));
        harness.endOfInput();
        assertThat(harness.alerts()).hasSize(5);
        assertThat(harness.alerts().get(4)).isEqualTo(opened(50, 98).escalated(at(146)).resolved(at(150)));
        harness.assertNothingLeaks();
    }

    @Test
    void touchBeforeTheDeadlinePostponesIt() throws Exception {
        harness.send(dwellWatch(0), at(0));
        harness.send(SilenceEvent.touch(RULE, QUOTE, at(40)), at(40));
        harness.watermark(at(87));
        assertThat(harness.alerts()).isEmpty();
        harness.watermark(at(88));
        assertThat(harness.alerts()).containsExactly(opened(40, 88));
    }

    @Test
    void touchWithoutAThresholdEndsTheEpisode() throws Exception {
        harness.send(watch(0), at(0));
        harness.send(SilenceEvent.touch(RULE, QUOTE, at(30)), at(30));
        harness.endOfInput();

        assertThat(harness.alerts()).containsExactly(opened(0, 24), opened(0, 24).resolved(at(30)));
        harness.assertNothingLeaks();
    }

    @Test
    void duplicatesAndStaleEventsChangeNothing() throws Exception {
        harness.send(dwellWatch(10), at(10));
        harness.send(dwellWatch(10), at(11));                             // re-delivered
        harness.send(dwellWatch(5), at(12));                              // an older silence, arriving late
        harness.send(SilenceEvent.touch(RULE, QUOTE, at(8)), at(13));     // an action before this silence
        harness.watermark(at(58));
        assertThat(harness.alerts()).containsExactly(opened(10, 58));

        harness.send(SilenceEvent.stop(RULE, QUOTE), at(60));
        harness.send(SilenceEvent.stop(RULE, QUOTE), at(61));
        harness.endOfInput();
        assertThat(harness.alerts()).containsExactly(opened(10, 58), opened(10, 58).resolved(at(60)));
        harness.assertNothingLeaks();
    }

    @Test
    void stopCommittedBeforeTheDeadlineButArrivingLateStillPreventsTheAlert() throws Exception {
        harness.send(watch(0), at(0));
        harness.watermark(at(10));
        // the STOP happened at 20 h (before the 24 h deadline) and arrives after the 10 h watermark
        harness.send(SilenceEvent.stop(RULE, QUOTE), at(20));
        harness.endOfInput();

        assertThat(harness.alerts()).isEmpty();
        harness.assertNothingLeaks();
    }

    @Test
    void stopCommittedAfterTheDeadlineButArrivingEarlyLetsTheAlertOpenFirst() throws Exception {
        // event time decides, not arrival: the STOP at 30 h is applied once the watermark passes 30 h
        harness.send(watch(0), at(0));
        harness.send(SilenceEvent.stop(RULE, QUOTE), at(30));
        harness.watermark(at(20));
        assertThat(harness.alerts()).isEmpty();
        harness.endOfInput();

        assertThat(harness.alerts()).containsExactly(opened(0, 24), opened(0, 24).resolved(at(30)));
        harness.assertNothingLeaks();
    }

    @Test
    void subjectRevealedAfterItsDeadlineOpensAtOnceWithTheOriginalDueTime() throws Exception {
        // first seen at 30 h (e.g. a snapshot), deadline was 24 h
        harness.send(watch(0), at(30));
        harness.watermark(at(30) - 1);
        assertThat(harness.alerts()).isEmpty();
        harness.watermark(at(30));
        assertThat(harness.alerts()).containsExactly(opened(0, 24));
        harness.watermark(at(48));
        assertThat(harness.alerts()).containsExactly(opened(0, 24), opened(0, 24).escalated(at(48)));
    }

    @Test
    void subjectRevealedAfterItsEscalationOpensAndEscalatesAtOnce() throws Exception {
        harness.send(watch(0), at(60));
        harness.watermark(at(60));

        assertThat(harness.alerts()).containsExactly(opened(0, 24), opened(0, 24).escalated(at(60)));
    }

    @Test
    void aNewSilenceResolvesThePreviousAlertAndIsWatchedOnItsOwn() throws Exception {
        harness.send(watch(0), at(0));
        harness.watermark(at(30));
        // the record changed at 30 h: a new episode starting at 30 h
        harness.send(watch(30), at(30));
        harness.watermark(at(53));
        assertThat(harness.alerts()).containsExactly(opened(0, 24), opened(0, 24).resolved(at(30)));

        harness.watermark(at(54));
        assertThat(harness.alerts()).containsExactly(opened(0, 24), opened(0, 24).resolved(at(30)), opened(30, 54));
        // the first episode's escalation (48 h) was dropped with it
        harness.watermark(at(77));
        assertThat(harness.alerts()).hasSize(3);
        harness.watermark(at(78));
        assertThat(harness.alerts().get(3)).isEqualTo(opened(30, 54).escalated(at(78)));
    }

    @Test
    void anEpisodeStillWaitingKeepsItsStateButNoTimers() throws Exception {
        harness.send(watch(0), at(0));
        harness.endOfInput();

        assertThat(harness.alerts()).containsExactly(opened(0, 24), opened(0, 24).escalated(at(48)));
        assertThat(harness.timers()).isZero();
        assertThat(harness.stateEntries()).isEqualTo(1);
    }

    @Test
    void anEpisodeWaitingWithinItsThresholdKeepsItsTimers() throws Exception {
        harness.send(watch(0), at(0));
        harness.watermark(at(10));

        assertThat(harness.alerts()).isEmpty();
        assertThat(harness.timers()).isEqualTo(2);
        assertThat(harness.stateEntries()).isEqualTo(1);
    }
}
