package org.salesops.pipelines.common;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * A Kafka record as read, before any parsing: what a dead letter keeps and what lineage points to.
 * A plain POJO so Flink serialises it without Kryo. Never changed once read, so the job hands it on
 * as it is ({@link #TYPE}).
 */
public class KafkaRecord {

    /**
     * The Flink type of a record read: serialised as a POJO, never copied. The de-duplicator hands each record to
     * the parser chained after it, and copying its bytes there was an eighth of what the CRM task allocated.
     */
    public static final TypeInformation<KafkaRecord> TYPE = new ImmutableTypeInfo<>(TypeInformation.of(KafkaRecord.class));

    public String topic;
    public int partition;
    public long offset;
    public long timestamp;
    public byte[] key;
    public byte[] value;

    public KafkaRecord() {
    }

    public KafkaRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
    }

    /** Adds the lineage columns every raw table has (_source_topic, _source_partition, _source_offset). */
    public <M extends java.util.Map<String, Object>> M withLineage(M row) {
        row.put("_source_topic", topic);
        row.put("_source_partition", partition);
        row.put("_source_offset", offset);
        return row;
    }

    public String position() {
        return topic + "/" + partition + "@" + offset;
    }
}
