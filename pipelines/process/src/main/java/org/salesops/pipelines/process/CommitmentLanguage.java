package org.salesops.pipelines.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises commitment language in follow-up notes, by the rules in commitment-phrases.txt. */
public final class CommitmentLanguage implements Serializable {

    public static final String RESOURCE = "/commitment-phrases.txt";

    private final List<Pattern> rules;

    public CommitmentLanguage(List<Pattern> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules shipped with this module. */
    public static CommitmentLanguage load() {
        try (InputStream in = CommitmentLanguage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            List<Pattern> rules = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rules.add(Pattern.compile(line.strip()));
                }
            }
            return new CommitmentLanguage(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The first promising phrase in the notes, as written there; empty when none. */
    public Optional<String> find(String notes) {
        if (notes == null || notes.isBlank()) {
            return Optional.empty();
        }
        for (Pattern rule : rules) {
            Matcher m = rule.matcher(notes);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    public int size() {
        return rules.size();
    }
}
