package org.salesops.pipelines.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The engine's stores, watched: while the rules run for a credit every key they read is noted, and every
 * write to a store they read stamps its key with a counter (not a time). Whether anything a credit's rules read has been
 * written since is then a lookup per key read, far cheaper than running the rules again (see
 * {@link LastAttempts}). Stamps are not state: a restored engine starts with none and every credit's
 * rules run again when it is woken, as they always did. Keys are not told apart by the Flink key (the
 * currency): a write in one currency only makes another's credits run again needlessly, never wrongly.
 */
final class WatchedStores implements Stores {

    /** One key of one store. */
    record Read(String store, Object key) {
    }

    /** What the rules returned, the keys they read, the stamp the reads saw, and what else it holds while. */
    record Noted<T>(T value, List<Read> reads, long at, List<BooleanSupplier> conditions) {
    }

    /** Past this many stamped keys the stamps are forgotten and everything noted before counts as written. */
    private static final int MAX_STAMPS = 1_000_000;

    private final Stores stores;
    private final Map<Read, Long> stamps = new HashMap<>();
    /**
     * Per store, whether the rules ever read it. Writes before a run do not matter to it, so a store's writes are
     * stamped from its first noted read on, and the stores the rules never read (the credits, the name pieces, which
     * the name search reads quietly) cost no stamps.
     */
    private final Map<String, boolean[]> everRead = new HashMap<>();
    private long clock;
    /** Keys stamped before this, or forgotten, count as written at this stamp. */
    private long forgottenUpTo;
    /** Where reads are noted now; null when the rules are not running. */
    private List<Read> noting;
    private List<BooleanSupplier> conditions;

    WatchedStores(Stores stores) {
        this.stores = stores;
    }

    /** Runs {@code rules} and notes every key they read; they must not write. */
    <T> Noted<T> noting(Supplier<T> rules) {
        List<Read> reads = new ArrayList<>();
        List<BooleanSupplier> checks = new ArrayList<>();
        noting = reads;
        conditions = checks;
        try {
            return new Noted<>(rules.get(), reads, clock, checks);
        } finally {
            noting = null;
            conditions = null;
        }
    }

    /** Runs {@code body} without noting its reads: for a search whose result is noted otherwise. */
    <T> T quietly(Supplier<T> body) {
        List<Read> outer = noting;
        noting = null;
        try {
            return body.get();
        } finally {
            noting = outer;
        }
    }

    /** The rules' result depends on more than the keys they read: it holds while {@code check} is true. */
    void holdsWhile(BooleanSupplier check) {
        if (noting != null) {
            conditions.add(check);
        }
    }

    /** Whether what the rules saw then is what they would see now: no key read written since, every condition true. */
    boolean unchangedSince(Noted<?> run) {
        if (run.at() < forgottenUpTo) {
            return false;
        }
        for (Read read : run.reads()) {
            Long stamp = stamps.get(read);
            if (stamp != null && stamp > run.at()) {
                return false;
            }
        }
        return run.conditions().stream().allMatch(BooleanSupplier::getAsBoolean);
    }

    private void written(Read read) {
        if (stamps.size() >= MAX_STAMPS) {
            stamps.clear();
            forgottenUpTo = clock + 1;
        }
        stamps.put(read, ++clock);
    }

    @Override
    public <K, V> Store<K, V> map(String name, TypeInformation<K> key, TypeInformation<V> value) {
        Store<K, V> store = stores.map(name, key, value);
        boolean[] read = everRead.computeIfAbsent(name, n -> new boolean[1]);
        return new Store<>() {
            @Override
            public V get(K k) {
                if (noting != null) {
                    noting.add(new Read(name, k));
                    read[0] = true;
                }
                return store.get(k);
            }

            @Override
            public void put(K k, V v) {
                if (read[0]) {
                    written(new Read(name, k));
                }
                store.put(k, v);
            }

            @Override
            public void remove(K k) {
                if (read[0]) {
                    written(new Read(name, k));
                }
                store.remove(k);
            }
        };
    }
}
