package org.salesops.pipelines.common;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Lets the first copy of a record through and turns every later copy with the same content
 * (a connector re-delivering after a restart, a file dropped twice) into a dead letter, so
 * duplicates are accounted for but never counted twice. Keyed by {@link #recordKey} — the Kafka
 * key, so all changes of one CRM row stay on one parallel task and keep their order downstream —
 * and remembering the content digests seen under that key for {@code remember} (state TTL).
 *
 * <p>Records of a file topic are whole files keyed by their file name; a file's name is not what it is: the same
 * statement exported twice, or moved back from processed/ under its timestamped name, is the same file. Their key
 * and content are the bytes alone, so the same bytes under any name are a duplicate.
 */
public class DuplicateFilter extends KeyedProcessFunction<String, KafkaRecord, KafkaRecord> {

    private final Duration remember;
    private final OutputTag<Map<String, Object>> duplicates;
    private final Set<String> fileTopics;
    private transient MapState<String, String> firstSeenAt;

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
        return fileTopics.contains(record.topic) ? record.topic + ":" + digest(record.value) : recordKey(record);
    }

    private String contentOf(KafkaRecord record) {
        return fileTopics.contains(record.topic) ? digest(record.value) : contentDigest(record);
    }

    /** Topic plus the Kafka key (a digest of the value for records without key). */
    public static String recordKey(KafkaRecord record) {
        return record.topic + ":" + (record.key != null ? digest(record.key) : digest(record.value));
    }

    /** SHA-256 of key and value: equal content, equal digest. */
    static String contentDigest(KafkaRecord record) {
        byte[] key = record.key == null ? new byte[0] : record.key;
        byte[] value = record.value == null ? new byte[0] : record.value;
        return digest(ByteBuffer.allocate(4).putInt(key.length).array(), key, value);
    }

    private static String digest(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                if (part != null) {
                    sha.update(part);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void open(OpenContext openContext) {
        MapStateDescriptor<String, String> descriptor = new MapStateDescriptor<>("first-seen-at", String.class, String.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(remember).build());
        firstSeenAt = getRuntimeContext().getMapState(descriptor);
    }

    @Override
    public void processElement(KafkaRecord record, Context ctx, Collector<KafkaRecord> out) throws Exception {
        String content = contentOf(record);
        String first = firstSeenAt.get(content);
        if (first == null) {
            firstSeenAt.put(content, record.position());
            out.collect(record);
        } else {
            ctx.output(duplicates, DeadLetter.row(record, DeadLetter.DUPLICATE,
                    "duplicate: the same record was already ingested from " + first));
        }
    }
}
