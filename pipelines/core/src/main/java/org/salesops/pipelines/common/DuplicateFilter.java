package org.salesops.pipelines.common;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Lets the first copy of a record through and turns every later copy with the same content
 * (a connector re-delivering after a restart, a file dropped twice) into a dead letter, so
 * duplicates are accounted for but never counted twice. Keyed by {@link #contentKey}.
 * The memory of what was seen lasts {@code remember} (state TTL).
 */
public class DuplicateFilter extends KeyedProcessFunction<String, KafkaRecord, KafkaRecord> {

    private final Duration remember;
    private final OutputTag<Map<String, Object>> duplicates;
    private transient ValueState<String> firstSeenAt;

    public DuplicateFilter(Duration remember, OutputTag<Map<String, Object>> duplicates) {
        this.remember = remember;
        this.duplicates = duplicates;
    }

    /** Topic plus a SHA-256 of key and value: equal content, equal key. */
    public static String contentKey(KafkaRecord record) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] key = record.key == null ? new byte[0] : record.key;
            byte[] value = record.value == null ? new byte[0] : record.value;
            sha.update(ByteBuffer.allocate(4).putInt(key.length).array());
            sha.update(key);
            sha.update(value);
            return record.topic + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("first-seen-at", String.class);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(remember).build());
        firstSeenAt = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(KafkaRecord record, Context ctx, Collector<KafkaRecord> out) throws Exception {
        String first = firstSeenAt.value();
        if (first == null) {
            firstSeenAt.update(record.position());
            out.collect(record);
        } else {
            ctx.output(duplicates, DeadLetter.row(record, DeadLetter.DUPLICATE,
                    "duplicate: the same record was already ingested from " + first));
        }
    }
}
