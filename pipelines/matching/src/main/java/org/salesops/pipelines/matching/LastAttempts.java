package org.salesops.pipelines.matching;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the rules saw the last time they ran for each waiting credit, so that a credit woken again runs
 * them again only when they could now say something else. In a replay the CRM's customers arrive among
 * the bank's credits, and each new customer wakes every credit sharing a piece of its name (科技, 贸易):
 * nearly all of those runs said the same as before, and they were most of the matching task's time.
 *
 * <p>The rules are a function of the credit (its payment, what finance rejected or decided, its notes)
 * and of what they read from the stores. A credit's last run is still its answer when the credit is as
 * that run left it, no key the run read has been written since ({@link WatchedStores}), and no customer
 * has come whose names share enough pieces with the payer's name to be a candidate of the name search
 * (which reads the name-piece postings quietly: a customer added to a posting changes the result only
 * by being such a candidate, or by reordering hits of equal strength, in which case the postings are
 * noted as read). Which credits are woken, and in what order, is unchanged: only the runs that could not
 * change anything are left out, so the results are the same. Not state: after a restore every woken
 * credit runs its rules again.
 */
final class LastAttempts {

    /** A credit's last run: the credit as the run left it, what the run read, and the payer name's pieces. */
    private record Attempt(PaymentMatch after, WatchedStores.Noted<Proposal> run, String payerKey,
                           PayerDirectory.NamePieces payer) {
    }

    /** Past this many remembered runs all are forgotten: only runs are saved, never results changed. */
    private static final int MAX_REMEMBERED = 200_000;

    private final WatchedStores stores;
    private final PayerDirectory payers;
    private final double minSimilarity;
    private final Map<String, Attempt> attempts = new HashMap<>();

    LastAttempts(WatchedStores stores, PayerDirectory payers, double minSimilarity) {
        this.stores = stores;
        this.payers = payers;
        this.minSimilarity = minSimilarity;
    }

    /** The rules ran for {@code match}, which now waits (parked) as they left it. */
    void remember(PaymentMatch match, WatchedStores.Noted<Proposal> run) {
        if (attempts.size() >= MAX_REMEMBERED) {
            attempts.clear();
        }
        String payerKey = PayerNames.normalise(match.payment.payerName);
        attempts.put(match.key(), new Attempt(match.copy(), run, payerKey, PayerDirectory.NamePieces.of(payerKey)));
    }

    /** The rules ran and applied the credit. (Credits decided otherwise differ from their last run's result.) */
    void forget(PaymentMatch match) {
        attempts.remove(match.key());
    }

    /** Whether running the rules for the credit again would give what its last run gave. */
    boolean stillHolds(PaymentMatch match) {
        Attempt last = attempts.get(match.key());
        return last != null && Objects.equals(last.after.payment.currency, match.payment.currency)
                && match.sameForMatching(last.after) && stores.unchangedSince(last.run);
    }

    /**
     * A customer arrived or changed its names: of the credits waiting on a piece of them (by key), those whose name
     * search would now find the customer by its pieces run again. (Finding it by the very name, by an account, or
     * no longer finding it, shows in the keys their last run read.)
     */
    void customerNamed(CustomerChange customer, Collection<String> waiting) {
        for (String key : waiting) {
            Attempt last = attempts.get(key);
            if (last != null && payers.findsByPieces(customer, last.payerKey, last.payer, minSimilarity)) {
                attempts.remove(key);
            }
        }
    }
}
