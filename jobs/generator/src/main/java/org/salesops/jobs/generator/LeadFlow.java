package org.salesops.jobs.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lead's life: it arrives from a channel, is assigned (by the CRM's round robin or by the
 * supervisor), is reached quickly, late or never, is followed up, qualified, and ends invalid,
 * lost, converted into an opportunity, or still open. Neglected leads are re-assigned.
 */
final class LeadFlow {

    /** The 华北 team's supervisor approves every lead closed as invalid or lost. */
    private static final String APPROVING_REGION = "华北";
    /** The 华东 team lets the CRM assign web and Douyin leads round robin as they arrive. */
    private static final String AUTO_ASSIGN_REGION = "华东";

    private final World world;
    private final Customers customers;
    private final Conversations conversations;
    private final DealFlow deals;
    private final StatusChangeRequests approvals;
    private final List<Prospect> prospects = new ArrayList<>();
    private final Map<Long, Integer> load = new HashMap<>();
    private final List<GroundTruth.BackDatedLead> backDated = new ArrayList<>();

    LeadFlow(World world, Customers customers, Conversations conversations, DealFlow deals,
             StatusChangeRequests approvals) {
        this.world = world;
        this.customers = customers;
        this.conversations = conversations;
        this.deals = deals;
        this.approvals = approvals;
    }

    /** A Douyin, website or referral lead arriving now. */
    void arrive(String channel) {
        Prospect prospect = newProspect(channel, pickCity(world.rng.weighted(City.REGIONS, 35, 40, 25)));
        if (channel.equals("referral")) {
            if (world.rng.chance(0.5)) {
                Staff rep = pickRep(prospect.region());
                Instant createdAt = world.now();
                if (world.rng.chance(0.3)) {
                    // 补录: a referral the rep got days ago, entered now with the day it came in.
                    createdAt = world.now().minus(Duration.ofHours(world.rng.between(30, 130)));
                }
                enterOwnLead(prospect, rep, createdAt);
            } else {
                insertLead(prospect, world.org.first("customer_success"), null, world.now());
                supervisorAssigns(prospect);
            }
            return;
        }
        if (prospect.region().equals(AUTO_ASSIGN_REGION)) {
            Staff rep = pickRep(prospect.region());
            insertLead(prospect, null, rep, world.now());
            assigned(prospect, rep);
        } else {
            insertLead(prospect, null, null, world.now());
            supervisorAssigns(prospect);
        }
    }

    /** A rep types in a lead met at an expo days ago: created_at is the day they met. */
    void enteredAfterExpo(Staff rep, City expoCity, Instant metAt) {
        City city = world.rng.chance(0.7) ? expoCity : world.rng.pick(City.ALL);
        enterOwnLead(newProspect("expo", city), rep, metAt);
    }

    /** The supervisor moves a few open leads from the busiest rep of the region to a newcomer. */
    void handOver(Staff newcomer) {
        Staff busiest = world.org.reps(newcomer.region()).stream().filter(r -> r != newcomer)
                .max(Comparator.comparing((Staff r) -> load.getOrDefault(r.id(), 0)).thenComparing(Staff::id))
                .orElseThrow();
        prospects.stream().filter(p -> p.owner == busiest && p.deal == null && !p.closed && !p.deleted)
                .limit(world.rng.between(3, 5)).toList()
                .forEach(p -> reassign(p, newcomer));
    }

    /** Leads of the region still being worked before any opportunity. */
    List<Prospect> openLeads(String region) {
        return prospects.stream().filter(p -> p.owner != null && !p.closed && !p.deleted && p.region().equals(region)).toList();
    }

    List<GroundTruth.BackDatedLead> backDated() {
        return backDated;
    }

    private Prospect newProspect(String channel, City city) {
        double kind = world.rng.uniform(0, 1);
        Phone phone = kind < 0.8 ? world.phones.mobile()
                : kind < 0.97 || !channel.equals("website") ? world.phones.landline(city) : null;
        return new Prospect(world.crm.nextId("leads"), channel, phone, world.names.any(),
                world.rng.pick(Phrases.TITLES), world.companies.invent(city), world.rng.pick(Phrases.PRODUCTS));
    }

    private City pickCity(String region) {
        return world.rng.pick(City.in(region));
    }

    private void enterOwnLead(Prospect prospect, Staff rep, Instant createdAt) {
        insertLead(prospect, rep, rep, createdAt);
        if (Duration.between(createdAt, world.now()).toHours() >= 24) {
            backDated.add(new GroundTruth.BackDatedLead(prospect.leadId, createdAt.truncatedTo(ChronoUnit.MILLIS),
                    world.now().truncatedTo(ChronoUnit.MILLIS)));
        }
        assigned(prospect, rep);
    }

    private void insertLead(Prospect prospect, Staff createdBy, Staff owner, Instant createdAt) {
        prospects.add(prospect);
        world.crm.insert("leads", Values.of("id", prospect.leadId, "contact_name", prospect.contact.chinese(),
                "phone", prospect.phone == null ? null : prospect.phone.typed(world.rng), "channel", prospect.channel,
                "status", owner == null ? "new" : "assigned", "owner_id", owner == null ? null : owner.id(),
                "assigned_at", owner == null ? null : world.now(), "created_by", createdBy == null ? null : createdBy.id(),
                "created_at", createdAt));
        world.ledger.created(prospect.leadId, prospect.channel);
    }

    private void supervisorAssigns(Prospect prospect) {
        Instant at = world.calendar.afterWorking(world.now(), minutes(world.rng.logNormal(35, 0.8)));
        world.agenda.at(at, () -> {
            if (!prospect.deleted && prospect.owner == null) {
                Staff rep = pickRep(prospect.region());
                world.crm.update("leads", prospect.leadId, Values.of("owner_id", rep.id(), "assigned_at", world.now(),
                        "status", "assigned"));
                assigned(prospect, rep);
            }
        });
    }

    private void reassign(Prospect prospect, Staff rep) {
        load.merge(prospect.owner.id(), -1, Integer::sum);
        String status = (String) world.crm.row("leads", prospect.leadId).get("status");
        world.crm.update("leads", prospect.leadId, Values.of("owner_id", rep.id(), "assigned_at", world.now(),
                "status", status.equals("new") ? "assigned" : status));
        assigned(prospect, rep);
    }

    /** The owner now has the lead (the CRM row already says so): they will answer it, or not. */
    private void assigned(Prospect prospect, Staff rep) {
        prospect.owner = rep;
        int assignment = ++prospect.assignment;
        load.merge(rep.id(), 1, Integer::sum);
        world.ledger.assigned(prospect.leadId, rep.id(), world.now(), world.now(), world.crm.lastCommittedAt());
        RepHabits habits = rep.habits();
        double neglectFactor = switch (prospect.channel) {
            case "douyin" -> 1.5;
            case "referral" -> 0.3;
            case "expo" -> 0.8;
            default -> 1.0;
        };
        double draw = world.rng.uniform(0, 1);
        if (draw < habits.neglect() * neglectFactor) {
            neglect(prospect, assignment);
            return;
        }
        Instant at = draw < habits.neglect() * neglectFactor + habits.slowResponse()
                ? world.calendar.nextOfficeMoment(world.now().plus(Duration.ofMinutes(world.rng.between(24 * 60 + 30, 60 * 60))))
                : world.calendar.afterWorking(world.now(), minutes(Math.min(900, world.rng.logNormal(habits.responseMedianMinutes(), 0.9))));
        world.agenda.at(at, () -> {
            if (prospect.workable(assignment)) {
                firstTouch(prospect, assignment);
            }
        });
    }

    /** Nobody really calls; maybe one unanswered attempt. The supervisor may notice and re-assign. */
    private void neglect(Prospect prospect, int assignment) {
        if (prospect.phone != null && world.rng.chance(0.4)) {
            Instant attempt = world.calendar.afterWorking(world.now(), Duration.ofMinutes(world.rng.between(30, 300)));
            world.agenda.at(attempt, () -> {
                if (prospect.workable(assignment)) {
                    world.telephony.call(prospect.owner, prospect.phone, true, Telephony.Outcome.NO_ANSWER, 0, call -> { });
                }
            });
        }
        world.agenda.at(world.now().plus(Duration.ofMinutes(world.rng.between(26 * 60, 50 * 60))), () -> {
            if (prospect.workable(assignment) && world.rng.chance(0.6)) {
                List<Staff> others = world.org.reps(prospect.region()).stream().filter(r -> r != prospect.owner).toList();
                reassign(prospect, world.rng.pick(others));
            }
        });
    }

    private void firstTouch(Prospect prospect, int assignment) {
        Runnable reached = () -> reached(prospect, assignment);
        if (world.rng.chance(0.08)) {
            conversations.withoutCall(prospect, "wechat", reached);
        } else if (world.rng.chance(prospect.owner.habits().logsWithoutCall())) {
            conversations.withoutCall(prospect, "call", reached);
        } else {
            conversations.phone(prospect, 3, ok -> {
                if (ok) {
                    reached.run();
                } else if (world.rng.chance(0.5)) {
                    conversations.withoutCall(prospect, "wechat", reached);
                } else {
                    close(prospect, assignment, "invalid", "多次联系不上");
                }
            });
        }
    }

    /** A follow-up was just logged: move the status on and decide what comes next. */
    private void reached(Prospect prospect, int assignment) {
        if (!prospect.workable(assignment)) {
            return;
        }
        prospect.misses = 0;
        if (prospect.fate == null) {
            prospect.fate = fate(prospect.channel);
            prospect.decisionAt = switch (prospect.fate) {
                case INVALID -> world.rng.between(1, 2);
                case LOST -> world.rng.between(3, 5);
                case CONVERT -> world.rng.between(2, 4);
                case DRIFT -> Integer.MAX_VALUE;
            };
        }
        String status = (String) world.crm.row("leads", prospect.leadId).get("status");
        if (status.equals("new") || status.equals("assigned") || status.equals("pending_followup")) {
            world.crm.update("leads", prospect.leadId, Values.of("status", "contacted"));
        }
        switch (prospect.fate) {
            case INVALID -> {
                if (prospect.followUps >= prospect.decisionAt) {
                    close(prospect, assignment, "invalid", world.rng.pick(Phrases.LEAD_INVALID_REASONS));
                    return;
                }
            }
            case LOST -> {
                if (prospect.followUps >= prospect.decisionAt) {
                    close(prospect, assignment, "lost", world.rng.pick(Phrases.LEAD_LOSS_REASONS));
                    return;
                }
                if (prospect.followUps == 2 && world.rng.chance(0.5)) {
                    markValid(prospect);
                }
            }
            case CONVERT -> {
                if (prospect.followUps >= prospect.decisionAt) {
                    convert(prospect);
                    return;
                }
                if (prospect.followUps >= 1 && !status.equals("valid")) {
                    markValid(prospect);
                }
            }
            case DRIFT -> {
                if (prospect.followUps == 2 && world.rng.chance(0.5)) {
                    markValid(prospect);
                }
            }
        }
        int workdays = prospect.fate == Prospect.Fate.DRIFT ? world.rng.between(3, 8) : world.rng.between(1, 4);
        Instant next = world.calendar.afterWorking(world.now(), Duration.ofMinutes(workdays * 540L - world.rng.between(0, 400)));
        world.agenda.at(next, () -> {
            if (prospect.workable(assignment)) {
                followUp(prospect, assignment);
            }
        });
    }

    private void followUp(Prospect prospect, int assignment) {
        String type = world.rng.weighted(List.of("call", "wechat", "visit", "meeting", "email"), 60, 18, 8, 7, 7);
        Runnable reached = () -> reached(prospect, assignment);
        if (!type.equals("call") || world.rng.chance(prospect.owner.habits().logsWithoutCall())) {
            conversations.withoutCall(prospect, type, reached);
            return;
        }
        conversations.phone(prospect, 2, ok -> {
            if (ok) {
                reached.run();
            } else if (++prospect.misses >= 3) {
                close(prospect, assignment, "lost", "多次联系不上");
            } else {
                Instant retry = world.calendar.afterWorking(world.now(), Duration.ofMinutes(world.rng.between(400, 1_000)));
                world.agenda.at(retry, () -> {
                    if (prospect.workable(assignment)) {
                        followUp(prospect, assignment);
                    }
                });
            }
        });
    }

    private Prospect.Fate fate(String channel) {
        List<Prospect.Fate> fates = List.of(Prospect.Fate.values());
        return switch (channel) {
            case "douyin" -> world.rng.weighted(fates, 45, 25, 12, 18);
            case "website" -> world.rng.weighted(fates, 25, 25, 25, 25);
            case "expo" -> world.rng.weighted(fates, 20, 25, 30, 25);
            default -> world.rng.weighted(fates, 5, 15, 60, 20);
        };
    }

    private void markValid(Prospect prospect) {
        world.crm.transaction(() -> {
            if (prospect.customer == null) {
                prospect.customer = customers.register(prospect.company);
            }
            world.crm.update("leads", prospect.leadId, Values.of("status", "valid", "customer_id", prospect.customer.id));
        });
    }

    private void convert(Prospect prospect) {
        world.crm.transaction(() -> {
            if (prospect.customer == null) {
                prospect.customer = customers.register(prospect.company);
            }
            world.crm.update("leads", prospect.leadId, Values.of("status", "converted", "customer_id", prospect.customer.id));
            prospect.closed = true;
            load.merge(prospect.owner.id(), -1, Integer::sum);
            deals.open(prospect);
        });
    }

    /** Closing a lead as invalid or lost; in the approving team the rep can only ask the supervisor. */
    private void close(Prospect prospect, int assignment, String status, String reason) {
        if (!prospect.region().equals(APPROVING_REGION)) {
            closed(prospect, status, reason);
            return;
        }
        approvals.request(prospect, status, approved -> {
            if (!prospect.workable(assignment)) {
                return;
            }
            if (approved) {
                closed(prospect, status, reason);
            } else {
                // Rejected: the rep keeps working the lead.
                prospect.fate = Prospect.Fate.DRIFT;
                prospect.decisionAt = Integer.MAX_VALUE;
                world.agenda.at(world.calendar.afterWorking(world.now(), Duration.ofMinutes(540)), () -> {
                    if (prospect.workable(assignment)) {
                        followUp(prospect, assignment);
                    }
                });
            }
        });
    }

    private void closed(Prospect prospect, String status, String reason) {
        world.crm.update("leads", prospect.leadId, Values.of("status", status, "loss_reason", reason));
        prospect.closed = true;
        load.merge(prospect.owner.id(), -1, Integer::sum);
        if (status.equals("invalid") && prospect.channel.equals("douyin") && world.rng.chance(0.02)) {
            // Spam leads get purged by the supervisor: one of the CRM's few deletes.
            world.agenda.at(world.now().plus(Duration.ofHours(world.rng.between(20, 70))), () -> {
                world.crm.delete("leads", prospect.leadId);
                prospect.deleted = true;
                world.ledger.deleted(prospect.leadId, world.now(), world.crm.lastCommittedAt());
            });
        }
    }

    private Staff pickRep(String region) {
        List<Staff> reps = world.org.reps(region);
        Staff one = world.rng.pick(reps);
        Staff other = world.rng.pick(reps);
        return load.getOrDefault(one.id(), 0) <= load.getOrDefault(other.id(), 0) ? one : other;
    }

    private static Duration minutes(double minutes) {
        return Duration.ofSeconds(Math.max(120, Math.round(minutes * 60)));
    }
}
