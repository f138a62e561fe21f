package org.salesops.jobs.generator;

/** One Kafka record as a source system would publish it: topic, record time, key and value bytes. */
public record WireRecord(String topic, long timestamp, byte[] key, byte[] value) {
}
