package org.salesops.jobs.generator;

import java.time.Instant;

/**
 * A raw input the pipeline must refuse, as it would arrive on Kafka.
 *
 * @param topic    the Kafka topic it is published to
 * @param key      the Kafka key as text, null when none
 * @param value    the Kafka value as text
 * @param expected why it must be rejected
 * @param at       when it arrives (the Kafka record time)
 */
public record MalformedPayload(String topic, String key, String value, RejectionKind expected, Instant at) {
}
