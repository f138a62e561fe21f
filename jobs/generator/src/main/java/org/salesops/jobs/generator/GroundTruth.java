package org.salesops.jobs.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the pipeline must find in the generated company, taken from the simulation's own record
 * of what happened (not by re-running pipeline logic over the output).
 *
 * <p><b>Lead response time</b> (the contract shared with the pipeline): an <i>assignment</i> is a
 * change of {@code leads} whose {@code after.owner_id} is not null and which is a create or
 * snapshot read ({@code c}, {@code r}) or changes {@code owner_id} or {@code assigned_at}; its time
 * is {@code after.assigned_at}. Its <i>first contact</i> is the earliest of
 * (a) a connected call whose remote number (E.164) equals the lead's phone (E.164) and whose rep
 * side is the owner (extension = the owner's {@code users.extension}, or rep number = E.164 of the
 * owner's {@code users.mobile}), started at or after the assignment time, and
 * (b) an activity with that {@code lead_id} and {@code owner_id} = the owner whose
 * {@code occurred_at} is at or after the assignment time,
 * both before the lead's next assignment. When a call and an activity fall on the same instant
 * the call is named the contact. {@code response_minutes} = whole minutes (floor) from assignment
 * to first contact; {@code sla_met} = first contact within 24 hours. An assignment with no such
 * contact in the data has no first contact and {@code sla_met} false.
 *
 * @param leadAssignments    one entry per assignment visible in the data, in assignment order
 * @param leadsPerChannel    leads in the data (created live or present in the snapshot) per channel
 * @param rowsPerRawTable    typed rows each raw table must end up with: {@code crm_<table>} counts
 *                           every change including tombstones, {@code calls} every call,
 *                           {@code bank_transactions} every credit notified
 * @param deadLetters        records that must land in the dead-letter table (the malformed payloads)
 * @param callFollowUps      every follow-up of type call, with the call behind it (null when there
 *                           was none) and how long after the call it was logged
 * @param backDatedLeads     leads entered with a created_at days before they were entered
 * @param bulkStatusFlips    one user setting many leads to one status within minutes
 * @param paymentAllocations which invoices each bank credit really paid, and how much of each
 */
public record GroundTruth(
        long seed,
        LocalDate startDate,
        int days,
        Instant snapshotAt,
        Instant end,
        List<LeadAssignment> leadAssignments,
        Map<String, Long> leadsPerChannel,
        Map<String, Long> rowsPerRawTable,
        long deadLetters,
        List<CallFollowUp> callFollowUps,
        List<BackDatedLead> backDatedLeads,
        List<BulkStatusFlip> bulkStatusFlips,
        List<PaymentAllocation> paymentAllocations) {

    public static final Duration SLA = Duration.ofHours(24);

    /** One lead assignment and its first contact ({@code firstContactAt} null when there was none). */
    public record LeadAssignment(long leadId, String channel, long ownerId, Instant assignedAt,
                                 Instant slaDeadline, Instant firstContactAt, String contactKind,
                                 Long responseMinutes, boolean slaMet) {
    }

    /** A follow-up of type call and the real call behind it; call fields null when no call took place. */
    public record CallFollowUp(long activityId, Long leadId, Long opportunityId, long ownerId, Instant occurredAt, Instant loggedAt,
                               String callId, Instant callStartedAt, Long logGapMinutes) {
    }

    public record BackDatedLead(long leadId, Instant createdAt, Instant enteredAt) {
    }

    public record BulkStatusFlip(long userId, String toStatus, Instant from, Instant to, List<Long> leadIds) {
    }

    public record PaymentAllocation(String bankReference, long invoiceId, String invoiceNo, BigDecimal amount) {
    }

    public String toJson() {
        try {
            return mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeJson(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            mapper().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
