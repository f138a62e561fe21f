package org.salesops.jobs.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A rule's episodes, at most one open per subject: a new one ends the one before. */
final class AlertEpisodes {

    private final Map<Long, AlertEpisode> open = new HashMap<>();
    private final List<AlertEpisode> all = new ArrayList<>();

    /** The subject's open episode, or null. */
    AlertEpisode current(long subjectId) {
        return open.get(subjectId);
    }

    void start(AlertEpisode episode) {
        end(episode.subjectId, episode.knownAt);
        open.put(episode.subjectId, episode);
        all.add(episode);
    }

    void end(long subjectId, Instant knownAt) {
        AlertEpisode episode = open.remove(subjectId);
        if (episode != null) {
            episode.endedAt(knownAt);
        }
    }

    List<AlertEpisode> all() {
        return Collections.unmodifiableList(all);
    }
}
