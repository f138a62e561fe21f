package org.salesops.pipelines.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.salesops.pipelines.common.Memo;

/**
 * Who pays: every customer with the names and accounts a payment may carry, plus what finance
 * taught by confirming matches (this payer account, this payer name is that customer). Finds the
 * customers a payer account or a payer name points to.
 */
final class PayerDirectory {

    /** A customer a payment points to, how, and how strongly. */
    record Hit(long customerId, Evidence evidence, double strength, String label) {
    }

    private final Store<Long, CustomerChange> customers;
    private final Index<String, Long> names;
    private final Index<String, Long> grams;
    private final Index<String, Long> accounts;
    private final Store<String, Long> learnedAccounts;
    private final Store<String, Long> learnedNames;
    /**
     * The pieces of each customer name met, cut once: a waiting credit is compared with its candidates' names again
     * every time a customer change wakes it, and cutting the same names anew each time was half the matching task's
     * CPU in a replay. A function of the name alone, so never stale and not state.
     */
    private final Memo<String, Set<String>> gramsOfName =
            new Memo<>(100_000, name -> Collections.unmodifiableSet(PayerNames.grams(name)));

    /** The pieces of a customer name key, read-only and in order: cut once per name, whoever asks. */
    Set<String> gramsOf(String nameKey) {
        return gramsOfName.apply(nameKey);
    }

    /**
     * The pieces of a payer name, and how many of them a customer's names must share to be compared with it: at
     * least half.
     */
    record NamePieces(Set<String> pieces, int needed) {

        /** Of a payer name's key ({@link PayerNames#normalise}). */
        static NamePieces of(String key) {
            Set<String> pieces = PayerNames.grams(key);
            return new NamePieces(pieces, Math.max(1, pieces.size() / 2));
        }
    }

    private final WatchedStores stores;

    PayerDirectory(WatchedStores stores) {
        this.stores = stores;
        customers = stores.map("customers", Types.LONG, TypeInformation.of(CustomerChange.class));
        names = new Index<>(stores, "customer-names", Types.STRING, Types.LONG);
        grams = new Index<>(stores, "customer-name-grams", Types.STRING, Types.LONG);
        accounts = new Index<>(stores, "customer-accounts", Types.STRING, Types.LONG);
        learnedAccounts = stores.map("learned-accounts", Types.STRING, Types.LONG);
        learnedNames = stores.map("learned-names", Types.STRING, Types.LONG);
    }

    /** How a customer is named in explanations. */
    String label(long id) {
        CustomerChange c = customers.get(id);
        return c == null ? "#" + id : c.label();
    }

    /**
     * Applies a customers change; false when it is older than the one applied (nothing changed). The indexes change
     * only where the names and accounts did: most changes of a customer (owner, status, contact) leave them as they
     * were, and taking the customer out of every posting of its name pieces and putting it back each time was most
     * of the matching task's time in a replay. A posting lists its customers in the order they first had the key.
     */
    boolean put(CustomerChange change) {
        CustomerChange known = customers.get(change.id);
        if (known != null && !change.isAfter(known)) {
            return false;
        }
        CustomerChange before = known == null || known.deleted ? null : known;
        CustomerChange after = change.deleted ? null : change;
        reindex(names, nameKeysOf(before), nameKeysOf(after), change.id);
        reindex(grams, gramsOf(before), gramsOf(after), change.id);
        reindex(accounts, before == null ? Set.of() : new LinkedHashSet<>(before.accounts),
                after == null ? Set.of() : new LinkedHashSet<>(after.accounts), change.id);
        customers.put(change.id, change);
        return true;
    }

    private static Set<String> nameKeysOf(CustomerChange customer) {
        return customer == null ? Set.of() : new LinkedHashSet<>(customer.nameKeys);
    }

    private Set<String> gramsOf(CustomerChange customer) {
        Set<String> pieces = new LinkedHashSet<>();
        for (String key : nameKeysOf(customer)) {
            pieces.addAll(gramsOfName.apply(key));
        }
        return pieces;
    }

    /** Takes the customer out of the postings of keys it no longer has, and adds it to those of its new keys. */
    private static void reindex(Index<String, Long> index, Set<String> before, Set<String> after, long id) {
        before.stream().filter(key -> !after.contains(key)).forEach(key -> index.remove(key, id));
        after.stream().filter(key -> !before.contains(key)).forEach(key -> index.add(key, id));
    }

    /** Remembers a finance confirmation: this payer account and payer name are this customer's. */
    void learn(Payment payment, long customerId) {
        if (payment.payerAccount != null && !payment.payerAccount.isEmpty()) {
            learnedAccounts.put(payment.payerAccount, customerId);
        }
        String name = PayerNames.normalise(payment.payerName);
        if (!name.isEmpty()) {
            learnedNames.put(name, customerId);
        }
    }

    /** Customers the payer account is registered for, or, failing that, the one finance confirmed it for. */
    List<Hit> byAccount(String account) {
        List<Hit> hits = new ArrayList<>();
        if (account == null || account.isEmpty()) {
            return hits;
        }
        for (long id : accounts.get(account)) {
            hits.add(new Hit(id, Evidence.PAYER_ACCOUNT, Evidence.PAYER_ACCOUNT.strength(), label(id)));
        }
        Long learned = learnedAccounts.get(account);
        if (hits.isEmpty() && learned != null) {
            hits.add(new Hit(learned, Evidence.LEARNED_ACCOUNT, Evidence.LEARNED_ACCOUNT.strength(), label(learned)));
        }
        return hits;
    }

    /**
     * Customers the payer name may be: the same name once normalised (registered, short, alias, or
     * confirmed by finance), a name containing it or contained in it, or a name at least
     * {@code minSimilarity} alike. The best hit per customer, strongest first.
     */
    List<Hit> byName(String payerName, double minSimilarity) {
        String key = PayerNames.normalise(payerName);
        Map<Long, Hit> best = new LinkedHashMap<>();
        if (key.isEmpty()) {
            return List.of();
        }
        Long learned = learnedNames.get(key);
        if (learned != null) {
            keep(best, new Hit(learned, Evidence.LEARNED_NAME, Evidence.LEARNED_NAME.strength(), label(learned)));
        }
        for (long id : names.get(key)) {
            keep(best, new Hit(id, Evidence.PAYER_NAME, Evidence.PAYER_NAME.strength(), label(id)));
        }
        NamePieces payer = NamePieces.of(key);
        List<String> rarest = stores.quietly(() -> rarestPieces(payer));
        for (long id : stores.quietly(() -> sharingPieces(payer, rarest))) {
            CustomerChange customer = customers.get(id);
            if (customer != null && !best.containsKey(id)) {
                Hit hit = resemblance(customer, key, minSimilarity);
                if (hit != null) {
                    keep(best, hit);
                }
            }
        }
        List<Hit> hits = new ArrayList<>(best.values());
        hits.sort((a, b) -> Double.compare(b.strength(), a.strength()));
        if (hits.stream().map(Hit::strength).distinct().count() < hits.size()) {
            // Hits of equal strength keep the order the rarest postings gave them, a part of the result that
            // holds as long as the same postings are the rarest (the candidates in them are noted as read).
            stores.holdsWhile(() -> rarestPieces(payer).equals(rarest));
        }
        return hits;
    }

    /**
     * The pieces the candidates for a payer name come from, rarest first. A common piece (科技, 贸易) is in
     * thousands of names, so candidates come only from the rarest pieces: a customer sharing {@code needed} of
     * {@code m} pieces shares at least one of the {@code m - needed + 1} rarest.
     */
    private List<String> rarestPieces(NamePieces payer) {
        Map<String, Integer> sizes = new HashMap<>();
        payer.pieces().forEach(piece -> sizes.put(piece, grams.get(piece).size()));
        List<String> pieces = new ArrayList<>(payer.pieces());
        pieces.sort(Comparator.comparingInt(sizes::get));
        return List.copyOf(pieces.subList(0, Math.max(0, pieces.size() - payer.needed() + 1)));
    }

    /**
     * Customers with at least half the payer name's pieces, the only ones worth comparing, in the order the
     * rarest pieces' postings list them.
     */
    private Set<Long> sharingPieces(NamePieces payer, List<String> rarest) {
        Set<Long> checked = new HashSet<>();
        Set<Long> shared = new LinkedHashSet<>();
        for (String piece : rarest) {
            for (long id : grams.get(piece)) {
                if (checked.add(id) && candidate(customers.get(id), payer)) {
                    shared.add(id);
                }
            }
        }
        return shared;
    }

    /**
     * Whether the name search for a payer name finds the customer by its pieces: a candidate that contains the
     * name, is contained in it, or is alike enough. (Found by the very name, it is found through an index key.)
     */
    boolean findsByPieces(CustomerChange customer, String key, NamePieces payer, double minSimilarity) {
        return candidate(customer, payer) && resemblance(customer, key, minSimilarity) != null;
    }

    /** Whether at least the needed number of the payer name's pieces are in the customer's names. */
    private boolean candidate(CustomerChange customer, NamePieces payer) {
        if (customer == null) {
            return false;
        }
        // Each name's pieces looked up once, not once per payer piece: this runs for every customer in the rarest
        // postings, thousands in a large company.
        List<Set<String>> names = new ArrayList<>(customer.nameKeys.size());
        customer.nameKeys.forEach(name -> names.add(gramsOfName.apply(name)));
        int shared = 0;
        for (String piece : payer.pieces()) {
            for (Set<String> pieces : names) {
                if (pieces.contains(piece)) {
                    shared++;
                    break;
                }
            }
        }
        return shared >= payer.needed();
    }

    private static Hit resemblance(CustomerChange customer, String key, double minSimilarity) {
        Hit best = null;
        for (String name : customer.nameKeys) {
            Hit hit = null;
            boolean contained = PayerNames.contains(name, key)
                    || (name.codePointCount(0, name.length()) >= 4 && PayerNames.contains(key, name));
            if (contained) {
                hit = new Hit(customer.id, Evidence.NAME_CONTAINED, Evidence.NAME_CONTAINED.strength(), customer.label());
            } else {
                double similarity = PayerNames.similarity(key, name);
                if (similarity >= minSimilarity) {
                    hit = new Hit(customer.id, Evidence.SIMILAR_NAME, Math.round(similarity * 100) / 100.0, customer.label());
                }
            }
            if (hit != null && (best == null || hit.strength() > best.strength())) {
                best = hit;
            }
        }
        return best;
    }

    private static void keep(Map<Long, Hit> best, Hit hit) {
        Hit known = best.get(hit.customerId());
        if (known == null || hit.strength() > known.strength()) {
            best.put(hit.customerId(), hit);
        }
    }
}
