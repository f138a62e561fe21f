package org.salesops.jobs.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.salesops.pipelines.calls.CallRecord;

/**
 * Reps talking to prospects and logging it ("本次跟进"): dialling, missed calls and callbacks,
 * the follow-up row with its notes, questions, discoveries, objections and promises, and the
 * delay between the conversation and the log entry.
 */
final class Conversations {

    private final World world;
    private final Commitments commitments;
    private final DailyReports reports;
    private final List<GroundTruth.CallFollowUp> callFollowUps = new ArrayList<>();

    Conversations(World world, Commitments commitments, DailyReports reports) {
        this.world = world;
        this.commitments = commitments;
        this.reports = reports;
    }

    /**
     * The owner phones the prospect now, trying again later when nobody answers. A conversation
     * ends in a logged follow-up; {@code afterwards} learns whether the prospect was reached.
     */
    void phone(Prospect prospect, int attempts, Consumer<Boolean> afterwards) {
        int assignment = prospect.assignment;
        Staff caller = prospect.owner;
        if (prospect.phone == null) {
            // Website form without a number: the rep writes on WeChat instead.
            withoutCall(prospect, "wechat", () -> afterwards.accept(true));
            return;
        }
        double answers = "douyin".equals(prospect.channel) ? 0.55 : 0.72;
        Telephony.Outcome outcome = world.rng.chance(answers) ? Telephony.Outcome.ANSWERED
                : world.rng.chance(0.75) ? Telephony.Outcome.NO_ANSWER : Telephony.Outcome.BUSY;
        world.telephony.call(caller, prospect.phone, true, outcome, talkSeconds(), call -> {
            onRecord(prospect, caller, call);
            if (!prospect.workable(assignment)) {
                return;
            }
            if (call.connected()) {
                conversed(prospect, call, () -> afterwards.accept(true));
            } else if (world.rng.chance(0.25)) {
                world.agenda.at(world.now().plus(Duration.ofMinutes(world.rng.between(8, 90))),
                        () -> callBack(prospect, assignment, afterwards));
            } else if (attempts > 1) {
                Instant retry = world.calendar.afterWorking(world.now(), Duration.ofMinutes(world.rng.between(30, 240)));
                world.agenda.at(retry, () -> {
                    if (prospect.workable(assignment)) {
                        phone(prospect, attempts - 1, afterwards);
                    }
                });
            } else {
                afterwards.accept(false);
            }
        });
    }

    /** A follow-up with no call on record: a visit, meeting, e-mail, WeChat, or a "call" made on WeChat. */
    void withoutCall(Prospect prospect, String type, Runnable afterwards) {
        int assignment = prospect.assignment;
        Instant occurredAt = world.now().truncatedTo(ChronoUnit.MINUTES);
        world.agenda.at(world.now().plus(logDelay(prospect.owner)), () -> {
            if (prospect.workable(assignment)) {
                log(prospect, type, occurredAt, null, afterwards);
            }
        });
    }

    List<GroundTruth.CallFollowUp> callFollowUps() {
        return Collections.unmodifiableList(callFollowUps);
    }

    /** The prospect returns a missed call. */
    private void callBack(Prospect prospect, int assignment, Consumer<Boolean> afterwards) {
        if (!prospect.workable(assignment)) {
            return;
        }
        Staff callee = prospect.owner;
        world.telephony.call(callee, prospect.phone, false, Telephony.Outcome.ANSWERED, talkSeconds(), call -> {
            onRecord(prospect, callee, call);
            if (prospect.workable(assignment)) {
                conversed(prospect, call, () -> afterwards.accept(true));
            }
        });
    }

    /** A connected call with a lead's number is a contact, whatever becomes of the lead meanwhile. */
    private void onRecord(Prospect prospect, Staff rep, CallRecord call) {
        if (call.connected() && prospect.leadId != null) {
            world.ledger.connectedCall(prospect.leadId, rep.id(), call.startedAt(), call.endedAt());
        }
    }

    private void conversed(Prospect prospect, CallRecord call, Runnable afterwards) {
        int assignment = prospect.assignment;
        Duration delay = logDelay(prospect.owner);
        // Logged at once, the CRM's 本次跟进 form pre-fills the current minute; typed in later, the rep
        // rounds the call's time down (to 5 minutes the same day, to a quarter-hour the next).
        Instant occurredAt = delay.toMinutes() < 30
                ? world.now().plus(delay).truncatedTo(ChronoUnit.MINUTES)
                : roundDown(call.startedAt(), delay.toHours() >= 8 ? 15 : 5);
        world.agenda.at(world.now().plus(delay), () -> {
            if (prospect.workable(assignment)) {
                log(prospect, "call", occurredAt, call, afterwards);
            }
        });
    }

    private static Instant roundDown(Instant time, int minutes) {
        Instant hour = time.truncatedTo(ChronoUnit.HOURS);
        long past = Duration.between(hour, time).toMinutes();
        return hour.plus(Duration.ofMinutes(past / minutes * minutes));
    }

    /** Most log right after hanging up; some in the evening; some the next day (the seed's 17-hour gap). */
    private Duration logDelay(Staff owner) {
        double late = owner.habits() == null ? 0.05 : owner.habits().lateLogging();
        if (world.rng.chance(late)) {
            return Duration.ofMinutes(world.rng.between(14 * 60, 20 * 60));
        }
        if (world.rng.chance(0.15)) {
            return Duration.ofMinutes(world.rng.between(60, 240));
        }
        return Duration.ofSeconds(world.rng.between(90, 1_500));
    }

    private void log(Prospect prospect, String type, Instant occurredAt, CallRecord call, Runnable afterwards) {
        Staff owner = prospect.owner;
        StringBuilder notes = new StringBuilder(switch (type) {
            case "visit" -> world.phrases.visit(prospect.product);
            case "meeting" -> world.phrases.meeting();
            case "email" -> world.phrases.email();
            case "wechat" -> world.phrases.wechat();
            default -> prospect.followUps == 0 && prospect.deal == null
                    ? world.phrases.firstContact(prospect.channel, prospect.product, prospect.title)
                    : world.phrases.followUp(prospect.product);
        });
        List<String> found = new ArrayList<>();
        String evidence = null;
        double depth = owner.habits() == null ? 2 : owner.habits().questionsMean();
        for (String code : Phrases.DISCOVERIES) {
            if (!prospect.discovered.contains(code) && world.rng.chance(0.12 + depth * 0.05)) {
                String[] sentence = world.phrases.discovery(code);
                notes.append(sentence[0]);
                found.add(code);
                if (evidence == null || world.rng.chance(0.3)) {
                    evidence = sentence[1];
                }
            }
        }
        if (!found.isEmpty() && world.rng.chance(0.2)) {
            evidence = null;
        }
        String objection = null;
        String strategy = null;
        if (world.rng.chance(prospect.deal != null && prospect.deal.negotiating() ? 0.6 : 0.12)) {
            objection = world.rng.pick(Phrases.OBJECTIONS);
            notes.append(world.phrases.objection(objection));
            strategy = world.rng.chance(0.8) ? world.phrases.strategy(objection) : null;
        }
        Promise promise = world.rng.chance(0.22) ? world.rng.pick(Promise.ALL) : null;
        if (promise != null) {
            notes.append(promise.spoken()).append("。");
        }
        // Every discovery took at least one question; some reps leave the count empty.
        Integer questions = world.rng.chance(0.06) ? null : Math.max(found.size(), world.rng.poisson(depth));
        long id = world.crm.nextId("activities");
        world.crm.insert("activities", Values.of("id", id, "lead_id", prospect.leadId,
                "opportunity_id", prospect.opportunityId(), "customer_id", prospect.customerId(),
                "owner_id", owner.id(), "type", type, "occurred_at", occurredAt, "notes", notes.toString(),
                "questions_asked", questions, "discoveries", found.isEmpty() ? null : String.join(";", found),
                "evidence_quote", found.isEmpty() ? null : evidence, "objection_type", objection,
                "strategy_id", strategy, "created_at", world.now()));
        prospect.discovered.addAll(found);
        prospect.followUps++;
        if (prospect.leadId != null) {
            world.ledger.followUp(prospect.leadId, owner.id(), occurredAt, world.crm.lastCommittedAt());
        }
        if (type.equals("call")) {
            Instant loggedAt = world.now().truncatedTo(ChronoUnit.MILLIS);
            callFollowUps.add(new GroundTruth.CallFollowUp(id, prospect.leadId, prospect.opportunityId(), owner.id(),
                    occurredAt, loggedAt, call == null ? null : call.callId(), call == null ? null : call.startedAt(),
                    call == null ? null : Duration.between(call.startedAt(), loggedAt).toMinutes()));
        }
        for (String code : found) {
            reports.noted(owner, world.calendar.date(occurredAt), code, evidence);
        }
        if (world.rng.chance(0.002)) {
            doubleSubmit(id);
        }
        if (promise != null) {
            commitments.promised(prospect, promise);
        }
        afterwards.run();
    }

    /** The rep taps "save" twice and deletes the copy a few minutes later. */
    private void doubleSubmit(long activityId) {
        Instant at = world.now().plusSeconds(world.rng.between(3, 40));
        world.agenda.at(at, () -> {
            Map<String, Object> duplicate = new LinkedHashMap<>(world.crm.row("activities", activityId));
            long id = world.crm.nextId("activities");
            duplicate.put("id", id);
            duplicate.put("created_at", world.now());
            duplicate.remove("updated_at");
            world.crm.insert("activities", duplicate);
            world.agenda.at(world.now().plusSeconds(world.rng.between(60, 900)), () -> world.crm.delete("activities", id));
        });
    }

    private int talkSeconds() {
        return (int) Math.max(25, Math.min(1_800, world.rng.logNormal(220, 0.7)));
    }
}
