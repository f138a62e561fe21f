package org.salesops.pipelines.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.salesops.pipelines.matching.Company.HENGXIN;
import static org.salesops.pipelines.matching.Company.contract;
import static org.salesops.pipelines.matching.Company.credit;
import static org.salesops.pipelines.matching.Company.customerRow;
import static org.salesops.pipelines.matching.Company.decision;
import static org.salesops.pipelines.matching.Company.hengxin;
import static org.salesops.pipelines.matching.Company.instant;
import static org.salesops.pipelines.matching.Company.invoice;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.junit.jupiter.api.Test;
import org.salesops.pipelines.crm.CrmChange;
import org.salesops.pipelines.crm.CrmRow;

/**
 * Waiting credits woken by customers that cannot change their result are not matched again, and those woken
 * after something they read changed are. How often the rules ran is seen in the reads of the learned payer
 * names, which the name search reads once per run.
 */
class RetryWaitingTest {

    /** Copying stores that count the reads per store. */
    static final class CountedStores implements Stores {
        final Map<String, Integer> reads = new HashMap<>();
        private final Stores stores = new CopyingStores();

        @Override
        public <K, V> Store<K, V> map(String name, TypeInformation<K> key, TypeInformation<V> value) {
            Store<K, V> store = stores.map(name, key, value);
            return new Store<>() {
                @Override
                public V get(K k) {
                    reads.merge(name, 1, Integer::sum);
                    return store.get(k);
                }

                @Override
                public void put(K k, V v) {
                    store.put(k, v);
                }

                @Override
                public void remove(K k) {
                    store.remove(k);
                }
            };
        }

        int nameSearches() {
            return reads.getOrDefault("learned-names", 0);
        }
    }

    private final CountedStores stores = new CountedStores();
    private final Engine engine = new Engine(stores, Engine.SETTINGS);

    private static CrmChange customer(long id, String name, double hours) {
        return CrmRow.created("customers", customerRow(id, name, null, null, null), instant(hours));
    }

    @Test
    void customersSharingOnlyACommonPieceOfThePayerNameDoNotRunTheRulesAgain() {
        PaymentMatch waiting = engine.pay(credit("B1", "5000.00", 1).payer("深圳市华盛科技有限公司", null).memo("货款"));
        assertThat(waiting.status).isEqualTo(PaymentMatch.UNMATCHED);
        int searches = stores.nameSearches();
        int rows = engine.out.matches.size();

        for (int i = 0; i < 20; i++) {
            engine.send(customer(30_000L + i, "远航" + (char) ('甲' + i) + "科技", 2 + i));
        }
        assertThat(stores.nameSearches()).as("name searches while customers sharing only 科技 arrive").isEqualTo(searches);
        assertThat(engine.out.matches).hasSize(rows);

        engine.send(customer(30_100L, "华盛科技", 30), contract(840_100L, 30_100L, "HT-2026-09001", "5000.00", null, 30),
                invoice(850_100L, 840_100L, 30_100L, "INV-2026-009001", "5000.00", 30));
        assertThat(stores.nameSearches()).isGreaterThan(searches);
        PaymentMatch found = engine.out.latest("B1");
        assertThat(found.customerId).isEqualTo(30_100L);
        assertThat(found.status).isEqualTo(PaymentMatch.AUTO_MATCHED);
    }

    /**
     * Finance teaching a payer name wakes nobody; a credit of that payer woken later for nothing that concerns
     * it still sees what was taught, as it did when every woken credit ran its rules again.
     */
    @Test
    void aWokenCreditRunsTheRulesAgainWhenSomethingTheyReadHasChangedSince() {
        engine.send(hengxin(0), contract(840_001L, HENGXIN, "HT-2026-00200", "8000.00", null, 0),
                invoice(850_001L, 840_001L, HENGXIN, "INV-2026-004600", "8000.00", 0));
        PaymentMatch byAmount = engine.pay(credit("B1", "8000.00", 1).payer("某某贸易商行", null).memo("往来款"));
        assertThat(byAmount.status).isEqualTo(PaymentMatch.SUGGESTED);
        PaymentMatch unknown = engine.pay(credit("B2", "3000.00", 2).payer("某某贸易商行", null).memo("往来款"));
        assertThat(unknown.status).isEqualTo(PaymentMatch.UNMATCHED);
        assertThat(unknown.customerId).isNull();

        engine.send(decision(880_001L, "B1", 850_001L, "confirm", 3));
        assertThat(engine.out.latest("B1").status).isEqualTo(PaymentMatch.CONFIRMED);
        assertThat(engine.out.latest("B2").customerId).as("B2 is not woken by what finance taught").isNull();

        int searches = stores.nameSearches();
        engine.send(customer(30_200L, "贸易通", 4));
        assertThat(stores.nameSearches()).isEqualTo(searches + 1);
        PaymentMatch taught = engine.out.latest("B2");
        assertThat(taught.customerId).isEqualTo(HENGXIN);
        assertThat(taught.explanation).contains("曾经财务确认为恒信五金");
    }
}
