package org.salesops.jobs.ingest.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Reads the ingest job's configuration. Precedence, highest first: arguments, environment variables,
 * the configuration file, the defaults of {@link IngestKey}.
 *
 * <p>Arguments are {@code --key value}, {@code --key=value}, or {@code --bounded} alone for true. The
 * file is named by {@code --config} or else the environment variable {@value #CONFIG_ENV}; a name ending
 * in .yaml or .yml is read as YAML (a flat map of key: value), anything else as Java properties. An unknown key in the arguments or the file is an
 * error; of the environment only the variables named in docs/CONFIGURATION.md are read, since a
 * container's environment holds unrelated variables with the same prefix (Kubernetes service links).
 */
public final class IngestConfigLoader {

    public static final String CONFIG_ARG = "config";
    public static final String CONFIG_ENV = IngestKey.ENV_PREFIX + "CONFIG";
    /**
     * Keys {@code catalog-property.<name>} (argument {@code --catalog-property.<name> value}, or a line of the
     * file) pass Iceberg catalog property {@code <name>} through as given: io-impl, s3.endpoint, ...
     */
    public static final String CATALOG_PROPERTY_PREFIX = "catalog-property.";

    private IngestConfigLoader() {
    }

    /** The configuration from a command line and an environment (System.getenv() in production). */
    public static IngestConfig load(String[] args, Map<String, String> env) {
        Map<String, String> fromArgs = parseArguments(List.of(args));
        String file = fromArgs.containsKey(CONFIG_ARG) ? fromArgs.remove(CONFIG_ARG) : env.get(CONFIG_ENV);
        Map<String, String> merged = new LinkedHashMap<>();
        for (IngestKey key : IngestKey.values()) {
            key.defaultValue().ifPresent(v -> merged.put(key.key(), v));
        }
        if (file != null && !file.isBlank()) {
            merged.putAll(readFile(Path.of(file)));
        }
        for (IngestKey key : IngestKey.values()) {
            String value = env.get(key.envVar());
            if (value != null) {
                merged.put(key.key(), value);
            }
        }
        merged.putAll(fromArgs);
        return build(merged);
    }

    static Map<String, String> parseArguments(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "': every argument is --key value "
                        + "or --key=value (参数格式应为 --键 值)");
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            String key = eq < 0 ? body : body.substring(0, eq);
            if (!key.equals(CONFIG_ARG)) {
                requireKnown(key, "the arguments");
            }
            String value;
            if (eq >= 0) {
                value = body.substring(eq + 1);
            } else if (key.equals(IngestKey.BOUNDED.key()) && (i + 1 == args.size() || args.get(i + 1).startsWith("--"))) {
                value = "true";
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value (缺少参数值)");
            }
            values.put(key, value);
        }
        return values;
    }

    static Map<String, String> readFile(Path file) {
        String name = file.getFileName().toString();
        Map<String, String> values = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
                if (root != null && !root.isNull()) {
                    if (!root.isObject()) {
                        throw new IllegalArgumentException(file + " must be a map of key: value (配置文件应为键值映射)");
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (e.getValue().isContainerNode()) {
                            throw new IllegalArgumentException("Key '" + e.getKey() + "' in " + file
                                    + " must have a plain value, not a list or map (值应为标量)");
                        }
                        values.put(e.getKey(), e.getValue().asText());
                    }
                }
            } else {
                Properties properties = new Properties();
                properties.load(in);
                properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration file " + file + " (无法读取配置文件)", e);
        }
        values.keySet().forEach(key -> requireKnown(key, file.toString()));
        return values;
    }

    private static void requireKnown(String key, String where) {
        if (isCatalogProperty(key)) {
            return;
        }
        if (IngestKey.byKey(key).isEmpty()) {
            throw new IllegalArgumentException("Unknown configuration key '" + key + "' in " + where
                    + " (未知配置项); known keys: " + Arrays.stream(IngestKey.values()).map(IngestKey::key)
                    .collect(Collectors.joining(", ")) + ", " + CATALOG_PROPERTY_PREFIX + "<name>; see docs/CONFIGURATION.md");
        }
    }

    private static boolean isCatalogProperty(String key) {
        return key.startsWith(CATALOG_PROPERTY_PREFIX) && key.length() > CATALOG_PROPERTY_PREFIX.length();
    }

    /** The pass-through Iceberg catalog properties, under their Iceberg names. */
    private static Map<String, String> catalogProperties(Map<String, String> values) {
        Map<String, String> properties = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (isCatalogProperty(key)) {
                properties.put(key.substring(CATALOG_PROPERTY_PREFIX.length()), value.trim());
            }
        });
        return properties;
    }

    private static IngestConfig build(Map<String, String> values) {
        String uri = required(values, IngestKey.CATALOG_URI);
        String warehouse = required(values, IngestKey.WAREHOUSE);
        return new IngestConfig(
                required(values, IngestKey.BOOTSTRAP_SERVERS),
                required(values, IngestKey.GROUP_ID),
                positive(values, IngestKey.TOPIC_PARTITIONS),
                (short) positive(values, IngestKey.TOPIC_REPLICATION),
                required(values, IngestKey.CATALOG_NAME),
                CatalogType.of(required(values, IngestKey.CATALOG_TYPE)).icebergProperties(uri,
                        values.get(IngestKey.CATALOG_USER.key()), values.get(IngestKey.CATALOG_PASSWORD.key()), warehouse,
                        catalogProperties(values)),
                positive(values, IngestKey.PARALLELISM),
                duration(values, IngestKey.CHECKPOINT_INTERVAL),
                duration(values, IngestKey.END_CHECKPOINT_INTERVAL),
                bool(values, IngestKey.BOUNDED),
                duration(values, IngestKey.LIVE_LAG),
                required(values, IngestKey.JOB_NAME),
                optional(values, IngestKey.CHECKPOINT_DIR),
                optional(values, IngestKey.RESTORE_FROM));
    }

    private static String required(Map<String, String> values, IngestKey key) {
        String value = values.get(key.key());
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing configuration " + key.key() + ": give --" + key.key()
                    + ", the environment variable " + key.envVar() + " or a line in the configuration file (缺少配置项)");
        }
        return value.trim();
    }

    private static String optional(Map<String, String> values, IngestKey key) {
        return values.getOrDefault(key.key(), "").trim();
    }

    private static int positive(Map<String, String> values, IngestKey key) {
        String text = required(values, key);
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= Short.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException(key.key() + " must be a whole number from 1 to " + Short.MAX_VALUE
                + ", not '" + text + "' (应为正整数)");
    }

    private static Duration duration(Map<String, String> values, IngestKey key) {
        String text = required(values, key);
        try {
            Duration value = Duration.parse(text);
            if (!value.isNegative() && !value.isZero()) {
                return value;
            }
        } catch (DateTimeParseException e) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException(key.key() + " must be a positive ISO-8601 duration such as PT10S, not '"
                + text + "' (应为 ISO-8601 时长)");
    }

    private static boolean bool(Map<String, String> values, IngestKey key) {
        String text = required(values, key);
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key.key() + " must be true or false, not '" + text + "' (应为 true 或 false)");
        };
    }
}
