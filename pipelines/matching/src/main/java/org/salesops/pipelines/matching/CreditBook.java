package org.salesops.pipelines.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Every bank transaction seen, with its match, and the lookups around them: by the bank's
 * reference (what finance decisions quote), by fingerprint (the same booking reported twice), by
 * amount (what a return undoes), and the credits waiting for a better match, by the CRM facts that
 * would give them one ("wake keys": a document number, a payer account, a piece of the payer
 * name, a customer). Decisions that arrive before their credit wait here too.
 */
final class CreditBook {

    private final Store<String, PaymentMatch> matches;
    private final Index<String, String> byReference;
    /** Fingerprint + "#" + its occurrence in its report -> the transaction key first recorded under it. */
    private final Store<String, String> fingerprints;
    /** Report (message id) + fingerprint -> how many of its transactions had that fingerprint so far. */
    private final Store<String, Integer> occurrences;
    private final Index<String, String> byAmount;
    private final Index<String, String> waiting;
    private final Index<String, DecisionChange> earlyDecisions;

    CreditBook(Stores stores) {
        matches = stores.map("matches", Types.STRING, TypeInformation.of(PaymentMatch.class));
        byReference = new Index<>(stores, "matches-by-reference", Types.STRING, Types.STRING);
        fingerprints = stores.map("match-fingerprints", Types.STRING, Types.STRING);
        occurrences = stores.map("fingerprint-occurrences", Types.STRING, Types.INT);
        byAmount = new Index<>(stores, "credits-by-amount", Types.STRING, Types.STRING);
        waiting = new Index<>(stores, "waiting-credits", Types.STRING, Types.STRING);
        earlyDecisions = new Index<>(stores, "early-decisions", Types.STRING, TypeInformation.of(DecisionChange.class));
    }

    static String documentKey(String key) {
        return "doc:" + key;
    }

    static String accountKey(String account) {
        return "acct:" + account;
    }

    static String gramKey(String gram) {
        return "gram:" + gram;
    }

    static String customerKey(long customerId) {
        return "cust:" + customerId;
    }

    PaymentMatch get(String key) {
        return matches.get(key);
    }

    void put(PaymentMatch match) {
        matches.put(match.key(), match);
    }

    /** A transaction seen for the first time. */
    void add(PaymentMatch match) {
        put(match);
        Payment p = match.payment;
        if (p.bankReference != null) {
            byReference.add(p.bankReference, match.key());
        }
        String slot = slot(p);
        if (slot != null) {
            occurrences.put(occurrenceKey(p), occurrence(p));
            if (fingerprints.get(slot) == null) {
                fingerprints.put(slot, p.transactionKey);
            }
        }
        if (p.credit() && !PaymentMatch.DUPLICATE.equals(match.status)) {
            byAmount.add(Money.key(p.amount), match.key());
        }
    }

    /** The transaction key an earlier report of the same booking was recorded under (same account); null when none. */
    String duplicateOf(Payment payment) {
        String slot = slot(payment);
        String first = slot == null ? null : fingerprints.get(slot);
        return Objects.equals(first, payment.transactionKey) ? null : first;
    }

    /**
     * Where a transaction not yet added stands among its report's transactions alike: its fingerprint and its
     * occurrence. Two alike in one report (the same payer paying the same amount with the same memo twice a day)
     * are two bookings, so the second report of them is matched occurrence for occurrence: its first to the first,
     * its second to the second.
     */
    private String slot(Payment p) {
        String fingerprint = p.fingerprint();
        return fingerprint == null ? null : fingerprint + "#" + occurrence(p);
    }

    private int occurrence(Payment p) {
        Integer before = occurrences.get(occurrenceKey(p));
        return before == null ? 1 : before + 1;
    }

    private static String occurrenceKey(Payment p) {
        return p.messageId + "\n" + p.fingerprint();
    }

    Collection<String> withReference(String bankReference) {
        return byReference.get(bankReference);
    }

    /**
     * The credit a return gives back: same account and amount, not returned yet, booked before it;
     * the same end-to-end id, else the same payer account, else the same payer name; the latest.
     */
    PaymentMatch returnedBy(Payment reversal) {
        List<PaymentMatch> candidates = new ArrayList<>();
        for (String key : byAmount.get(Money.key(reversal.amount.negate()))) {
            PaymentMatch m = matches.get(key);
            if (m != null && m.reversedBy == null && m.payment.accountId.equals(reversal.accountId)
                    && m.payment.bookedAt <= reversal.bookedAt && sameParty(m.payment, reversal)) {
                candidates.add(m);
            }
        }
        return candidates.stream().max(Comparator.comparingLong((PaymentMatch m) -> m.payment.bookedAt)
                .thenComparing(PaymentMatch::key)).orElse(null);
    }

    private static boolean sameParty(Payment credit, Payment reversal) {
        if (credit.endToEndId != null && reversal.endToEndId != null) {
            return credit.endToEndId.equals(reversal.endToEndId);
        }
        if (credit.payerAccount != null && reversal.payerAccount != null) {
            return credit.payerAccount.equals(reversal.payerAccount);
        }
        return PayerNames.normalise(credit.payerName).equals(PayerNames.normalise(reversal.payerName));
    }

    /** The credit waits for any of these facts; replaces what it waited for before. */
    void park(PaymentMatch match, List<String> wakeKeys) {
        unpark(match);
        match.wakeKeys = new ArrayList<>(wakeKeys);
        wakeKeys.forEach(k -> waiting.add(k, match.key()));
    }

    void unpark(PaymentMatch match) {
        match.wakeKeys.forEach(k -> waiting.remove(k, match.key()));
        match.wakeKeys = new ArrayList<>();
    }

    Collection<String> waitingFor(String wakeKey) {
        return waiting.get(wakeKey);
    }

    void hold(DecisionChange decision) {
        earlyDecisions.add(decision.bankReference, decision);
    }

    /** Decisions that waited for a credit with this reference; they wait no longer. */
    List<DecisionChange> release(String bankReference) {
        List<DecisionChange> held = List.copyOf(earlyDecisions.get(bankReference));
        held.forEach(d -> earlyDecisions.remove(bankReference, d));
        return held;
    }
}
