package org.salesops.pipelines.common;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Lets the first copy of a record through and turns every later copy with the same content
 * (a connector re-delivering after a restart, a file dropped twice) into a dead letter, so
 * duplicates are accounted for but never counted twice. Keyed by {@link #recordKey} — the Kafka
 * key, so all changes of one CRM row stay on one parallel task and keep their order downstream —
 * and remembering each content digest seen under that key for {@code remember}.
 *
 * <p>The digests of a key are one value, not a map state: Flink's clean-up of expired state visits a few keys at
 * every state access, and for a map state it copied each visited key's whole map, a sixth of the CRM task's time in
 * a replay. A value is checked by its time alone. So the value's state TTL drops keys gone quiet for {@code remember},
 * and each write leaves out the digests of a busy key older than that.
 *
 * <p>Records of a file topic are whole files keyed by their file name; a file's name is not what it is: the same
 * statement exported twice, or moved back from processed/ under its timestamped name, is the same file. Their key
 * and content are the bytes alone, so the same bytes under any name are a duplicate.
 */
public class DuplicateFilter extends KeyedProcessFunction<String, KafkaRecord, KafkaRecord> {

    private final Duration remember;
    private final OutputTag<Map<String, Object>> duplicates;
    private final Set<String> fileTopics;
    private transient ValueState<List<SeenContent>> seen;

    /**
     * A content seen under the key: the first half of its SHA-256 (a collision would need two of one row's
     * versions to agree in 128 bits), the partition and offset it was first read from (the topic is the key's), and
     * when (processing time). Numbers only: a checkpoint writes every one of them, and text is written out slowly.
     */
    public static class SeenContent {
        public long digestHigh;
        public long digestLow;
        public int partition;
        public long offset;
        public long seenAt;

        public SeenContent() {
        }

        SeenContent(byte[] digest, KafkaRecord record, long seenAt) {
            ByteBuffer bytes = ByteBuffer.wrap(digest);
            this.digestHigh = bytes.getLong();
            this.digestLow = bytes.getLong();
            this.partition = record.partition;
            this.offset = record.offset;
            this.seenAt = seenAt;
        }

        boolean sameContent(SeenContent other) {
            return digestHigh == other.digestHigh && digestLow == other.digestLow;
        }
    }

    public DuplicateFilter(Duration remember, OutputTag<Map<String, Object>> duplicates) {
        this(remember, duplicates, Set.of());
    }

    public DuplicateFilter(Duration remember, OutputTag<Map<String, Object>> duplicates, Set<String> fileTopics) {
        this.remember = remember;
        this.duplicates = duplicates;
        this.fileTopics = Set.copyOf(fileTopics);
    }

    /** What to key the stream by for this filter: {@link #recordKey}, or for a file topic the digest of the file. */
    public String keyOf(KafkaRecord record) {
        return fileTopics.contains(record.topic) ? record.topic + ":" + keyText(digest(record.value)) : recordKey(record);
    }

    private byte[] contentOf(KafkaRecord record) {
        return fileTopics.contains(record.topic) ? digest(record.value) : contentDigest(record);
    }

    /** Topic plus the Kafka key (a digest of the value for records without key). */
    public static String recordKey(KafkaRecord record) {
        return record.topic + ":" + keyText(record.key != null ? digest(record.key) : digest(record.value));
    }

    /** SHA-256 of key and value: equal content, equal digest. */
    private static byte[] contentDigest(KafkaRecord record) {
        byte[] key = record.key == null ? new byte[0] : record.key;
        byte[] value = record.value == null ? new byte[0] : record.value;
        return digest(ByteBuffer.allocate(4).putInt(key.length).array(), key, value);
    }

    /**
     * The first half of a digest in 22 characters: every key is written at every checkpoint, and two keys that
     * agreed in 128 bits would only share a task and a list of contents, which tells their records apart anyway.
     */
    private static String keyText(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }

    private static byte[] digest(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                if (part != null) {
                    sha.update(part);
                }
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<List<SeenContent>> descriptor =
                new ValueStateDescriptor<>("seen-contents", Types.LIST(Types.POJO(SeenContent.class)));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(remember).build());
        seen = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(KafkaRecord record, Context ctx, Collector<KafkaRecord> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        SeenContent content = new SeenContent(contentOf(record), record, now);
        List<SeenContent> known = seen.value();
        // A new list, never the stored one changed: a checkpoint may be writing that one out. Contents older than
        // the memory are forgotten on the way.
        List<SeenContent> remembered = new ArrayList<>(known == null ? 1 : known.size() + 1);
        for (SeenContent first : known == null ? List.<SeenContent>of() : known) {
            if (now - first.seenAt >= remember.toMillis()) {
                continue;
            }
            if (first.sameContent(content)) {
                ctx.output(duplicates, DeadLetter.row(record, DeadLetter.DUPLICATE,
                        "duplicate: the same record was already ingested from "
                                + record.topic + "/" + first.partition + "@" + first.offset));
                return;
            }
            remembered.add(first);
        }
        remembered.add(content);
        seen.update(remembered);
        out.collect(record);
    }
}
