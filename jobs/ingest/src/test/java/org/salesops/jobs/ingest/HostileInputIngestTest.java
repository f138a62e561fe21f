package org.salesops.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.salesops.jobs.generator.HostileInput;
import org.salesops.jobs.generator.HostileInput.Outcome;
import org.salesops.jobs.generator.HostileInputs;
import org.salesops.jobs.generator.WireRecord;
import org.salesops.pipelines.common.KafkaRecord;
import org.salesops.pipelines.tables.TableDefinition;
import org.salesops.pipelines.tables.TableDefinitions;

/**
 * The ingest job (MiniCluster at parallelism 2, bounded sources, real Iceberg tables read back) over
 * the seeded hostile corpus of all three input families plus every third-party sample file: the job
 * finishes, every record ends in exactly one place (a typed raw table or raw.dead_letters), each
 * dead letter keeps its reason and its payload byte for byte, and each record ends where its
 * defect says it must.
 */
class HostileInputIngestTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    /** The content of /etc/passwd always starts with the root entry; it must never reach a table. */
    static final String PASSWD = "root:x:0:0";

    @TempDir
    static Path dir;
    static TempWarehouse warehouse;
    /** Every input record by position (topic/partition@offset), with its family and expected outcome. */
    static final Map<String, Input> inputs = new java.util.LinkedHashMap<>();
    /** Typed raw rows by the position of the record they came from. */
    static final Map<String, List<Record>> typed = new HashMap<>();
    /** Dead letters by position. */
    static final Map<String, List<Record>> dead = new HashMap<>();

    record Input(String family, String defect, Outcome expected, KafkaRecord record) {
    }

    @BeforeAll
    static void runTheJobOverTheCorpusAndTheSamples() throws Exception {
        // given: every sample file, then the hostile corpus (an hour later), each family on its own bounded source
        Map<String, Long> offsets = new HashMap<>();
        for (SampleRecord sample : sampleRecords()) {
            add(offsets, sample.family(), "sample " + sample.file(), null, sample.record());
        }
        for (HostileInput input : new HostileInputs(20261128L).create()) {
            add(offsets, input.family(), input.defect(), input.expected(), input.record());
        }
        Map<String, List<KafkaRecord>> perFamily = new HashMap<>();
        inputs.values().forEach(i -> perFamily.computeIfAbsent(i.family, f -> new ArrayList<>()).add(i.record));
        warehouse = new TempWarehouse(dir);

        // when: the job runs over it at parallelism 2
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(Duration.ofSeconds(1).toMillis());
        new IngestJob(new IngestJob.Sources(bounded(perFamily.get(HostileInput.CRM)), bounded(perFamily.get(HostileInput.CALLS)),
                bounded(perFamily.get(HostileInput.BANK))), new IcebergTableSink(warehouse.loader), new CollectingPublisher(),
                IngestSettings.defaults()).build(env);
        env.execute("hostile input"); // then: it finishes (a failure would throw here)

        for (TableDefinition table : TableDefinitions.rawTables()) {
            if (!table.name().equals("dead_letters")) {
                for (Record r : warehouse.read(table.qualifiedName())) {
                    typed.computeIfAbsent(r.getField("_source_topic") + "/" + r.getField("_source_partition") + "@"
                            + r.getField("_source_offset"), p -> new ArrayList<>()).add(r);
                }
            }
        }
        for (Record r : warehouse.read("raw.dead_letters")) {
            dead.computeIfAbsent(r.getField("source_topic") + "/" + r.getField("source_partition") + "@"
                    + r.getField("source_offset"), p -> new ArrayList<>()).add(r);
        }
    }

    @Test
    void everyRecordOfEveryFamilyEndsInExactlyOnePlace() {
        for (String family : List.of(HostileInput.CRM, HostileInput.CALLS, HostileInput.BANK)) {
            List<String> read = inputs.entrySet().stream().filter(e -> e.getValue().family.equals(family))
                    .map(Map.Entry::getKey).toList();
            long typedRecords = read.stream().filter(typed::containsKey).count();
            long deadRecords = read.stream().filter(dead::containsKey).count();
            assertThat(typedRecords + deadRecords).as(family + ": typed + dead letters = input").isEqualTo(read.size());
            assertThat(read).as(family + ": no record both typed and a dead letter")
                    .noneMatch(p -> typed.containsKey(p) && dead.containsKey(p));
            System.out.printf("%s: %d records in, %d typed, %d dead letters%n", family, read.size(), typedRecords, deadRecords);
        }
        assertThat(dead.values()).allSatisfy(letters -> assertThat(letters).hasSize(1));
        assertThat(inputs.keySet()).containsAll(typed.keySet()).containsAll(dead.keySet());
    }

    @Test
    void eachRecordEndsWhereItsDefectSays() {
        List<String> misplaced = new ArrayList<>();
        inputs.forEach((position, input) -> {
            if (input.expected == null) {
                return; // a sample file: its outcome is checked below only where it is known to be invalid
            }
            String where = kind(position);
            boolean right = switch (input.expected) {
                case LOADED -> where.equals("typed");
                case REJECTED -> where.equals("rejected");
                case DUPLICATE -> where.equals("duplicate");
                case LOADED_OR_LATE -> where.equals("typed") || where.equals("late");
            };
            if (!right) {
                misplaced.add(input.family + " " + input.defect + " at " + position + ": expected " + input.expected
                        + ", ended " + where + (dead.containsKey(position) ? " (" + dead.get(position).get(0).getField("error") + ")" : ""));
            }
        });
        assertThat(misplaced).isEmpty();
    }

    @Test
    void eachDeadLetterKeepsItsReasonAndItsPayloadByteForByte() {
        dead.forEach((position, letters) -> {
            Record letter = letters.get(0);
            KafkaRecord input = inputs.get(position).record;
            assertThat((String) letter.getField("error")).as(position).isNotBlank().isNotEqualTo("unknown error");
            assertThat(bytes(letter, "raw_payload")).as(position).isEqualTo(input.value);
            assertThat(bytes(letter, "raw_key")).as(position).isEqualTo(input.key);
        });
    }

    @Test
    void externalEntitiesAndEntityExpansionAreRefusedForTheirDoctypeAndNoFileContentReachesATable() {
        assertThat(inputs.entrySet()).filteredOn(e -> e.getValue().defect.startsWith("xxe")
                        || e.getValue().defect.equals("billion-laughs") || e.getValue().defect.equals("external-dtd"))
                .hasSizeGreaterThanOrEqualTo(5 * HostileInputs.DEFAULT_ROUNDS)
                .allSatisfy(e -> assertThat((String) dead.get(e.getKey()).get(0).getField("error")).contains("DOCTYPE"));
        assertThat(typed.values().stream().flatMap(List::stream).map(Record::toString)).noneMatch(row -> row.contains(PASSWD));
        assertThat(dead.values().stream().map(l -> (String) l.get(0).getField("error"))).noneMatch(e -> e.contains(PASSWD));
    }

    @Test
    void spreadsheetFormulasAreStoredAsTheSourceWroteThem() {
        List<Record> injected = inputs.entrySet().stream().filter(e -> e.getValue().defect.equals("csv-injection"))
                .flatMap(e -> typed.get(e.getKey()).stream()).toList();
        assertThat(injected).hasSizeGreaterThanOrEqualTo(3 * HostileInputs.DEFAULT_ROUNDS);
        assertThat(injected).extracting(r -> r.toString()).allSatisfy(row -> assertThat(row).containsAnyOf(
                "=cmd|", "+SUM(", "-2+3+cmd|", "@SUM(", "=HYPERLINK(", "=1+1"));
        Record lead = injected.stream().filter(r -> r.getField("contact_name") != null).findFirst().orElseThrow();
        assertThat(((String) lead.getField("contact_name")).charAt(0)).isIn('=', '+', '-', '@', '\t', '\r');
    }

    @Test
    void samplesTheParsersCannotReadAreDeadLettersWithTheirReason() {
        assertThat(inputs.entrySet()).filteredOn(e -> e.getValue().defect.matches("sample .*\\.xlsx?"))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(e -> assertThat((String) dead.get(e.getKey()).get(0).getField("error")).contains("Excel"));
        assertThat(inputs.entrySet()).filteredOn(e -> e.getValue().defect.startsWith("sample debezium"))
                .hasSizeGreaterThanOrEqualTo(30)
                .allSatisfy(e -> assertThat(dead).as("the samples' tables (products, customers of an inventory db) are "
                        + "not the CRM's").containsKey(e.getKey()));
    }

    private static String kind(String position) {
        List<Record> letters = dead.get(position);
        return letters == null ? "typed" : (String) letters.get(0).getField("error_kind");
    }

    private static byte[] bytes(Record letter, String column) {
        String text = (String) letter.getField(column);
        if (text == null) {
            return null;
        }
        return "base64".equals(letter.getField("raw_encoding")) ? Base64.getDecoder().decode(text)
                : text.getBytes(StandardCharsets.UTF_8);
    }

    private static void add(Map<String, Long> offsets, String family, String defect, Outcome expected, WireRecord r) {
        long offset = offsets.merge(r.topic(), 1L, Long::sum) - 1;
        KafkaRecord record = new KafkaRecord(r.topic(), 0, offset, r.timestamp(), r.key(), r.value());
        inputs.put(record.position(), new Input(family, defect, expected, record));
    }

    // ---------------------------------------------------------------- the sample files, as each would arrive

    record SampleRecord(String family, String file, WireRecord record) {
    }

    /**
     * Every third-party sample: Debezium events (a .txt file holds one per line) on a CRM topic; CDR
     * files line by line, Twilio and FreeSWITCH XML documents whole, on pbx.cdr; camt.054 whole on
     * bank.camt054; every other bank file whole on bank.statements, keyed by its name.
     */
    static List<SampleRecord> sampleRecords() throws IOException {
        Path samples = samplesFolder();
        long time = java.time.Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
        List<SampleRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.walk(samples)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                String relative = samples.relativize(file).toString();
                String folder = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
                if (name.startsWith("LICENSE") || name.endsWith(".md") || folder.isEmpty() || folder.equals("iso20022-xsd")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                switch (folder) {
                    case "debezium" -> {
                        for (byte[] event : name.endsWith(".txt") ? lines(bytes) : List.of(bytes)) {
                            records.add(new SampleRecord(HostileInput.CRM, relative,
                                    new WireRecord("crm.public.products", time, null, event)));
                        }
                    }
                    case "asterisk-cdr", "freeswitch-cdr", "twilio-call" -> {
                        for (byte[] call : name.endsWith(".csv") ? lines(bytes) : List.of(bytes)) {
                            records.add(new SampleRecord(HostileInput.CALLS, relative, new WireRecord("pbx.cdr", time, null, call)));
                        }
                    }
                    case "camt054" -> records.add(new SampleRecord(HostileInput.BANK, relative,
                            new WireRecord("bank.camt054", time, null, bytes)));
                    default -> records.add(new SampleRecord(HostileInput.BANK, relative,
                            new WireRecord("bank.statements", time, name.getBytes(StandardCharsets.UTF_8), bytes)));
                }
            }
        }
        return records;
    }

    private static List<byte[]> lines(byte[] file) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= file.length; i++) {
            if (i == file.length || file[i] == '\n') {
                int end = i > start && file[i - 1] == '\r' ? i - 1 : i;
                if (end > start) {
                    lines.add(java.util.Arrays.copyOfRange(file, start, end));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** shared/samples beside the project. */
    private static Path samplesFolder() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("samples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/samples not found above " + Path.of("").toAbsolutePath());
    }

    static RecordSource bounded(List<KafkaRecord> records) {
        List<KafkaRecord> copy = List.copyOf(records);
        return (env, watermarks) -> env.fromData(copy, TypeInformation.of(KafkaRecord.class))
                .assignTimestampsAndWatermarks(watermarks);
    }
}
