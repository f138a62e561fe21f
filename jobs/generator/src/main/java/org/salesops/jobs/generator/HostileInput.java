package org.salesops.jobs.generator;

/**
 * One record of the hostile corpus as it arrives on Kafka, with what it is and what must become of it.
 *
 * @param family   the input family: {@link #CRM}, {@link #CALLS} or {@link #BANK}
 * @param defect   what is wrong or hostile about it, e.g. "truncated", "xxe-file", "csv-injection"
 * @param expected where it must end
 * @param record   the Kafka record (topic, record time, key, value bytes)
 */
public record HostileInput(String family, String defect, Outcome expected, WireRecord record) {

    public static final String CRM = "crm";
    public static final String CALLS = "calls";
    public static final String BANK = "bank";

    /** Where a record must end. */
    public enum Outcome {
        /** A typed row: odd but valid input is history and is kept as the source said it. */
        LOADED,
        /** A dead letter of kind rejected, with the reason. */
        REJECTED,
        /** A dead letter of kind duplicate: a byte-identical copy of an earlier record. */
        DUPLICATE,
        /**
         * Part of an out-of-order flood: a typed row, or a dead letter of kind late when the watermark had already
         * passed it by more than the allowed lateness (which depends on when the source emitted its watermark).
         */
        LOADED_OR_LATE
    }
}
