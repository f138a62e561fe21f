package org.salesops.jobs.cli;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** What the commands tell the person watching: a step, then its details, with the time. */
final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Console() {
    }

    static synchronized void step(String text) {
        System.out.println("[" + LocalTime.now().format(TIME) + "] " + text);
    }

    static synchronized void detail(String text) {
        System.out.println("           " + text);
    }
}
