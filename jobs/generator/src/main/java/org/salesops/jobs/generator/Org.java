package org.salesops.jobs.generator;

import java.util.ArrayList;
import java.util.List;

/** Who works at the company: three regional sales teams and the roles around them. */
final class Org {

    private final List<Staff> everyone = new ArrayList<>();
    void add(Staff staff) {
        everyone.add(staff);
    }

    List<Staff> reps(String region) {
        return everyone.stream().filter(s -> s.isRep() && s.region().equals(region)).toList();
    }

    List<Staff> reps() {
        return role("rep");
    }

    List<Staff> role(String role) {
        return everyone.stream().filter(s -> s.role().equals(role)).toList();
    }

    Staff supervisor(String region) {
        return everyone.stream().filter(s -> s.role().equals("supervisor") && s.region().equals(region))
                .findFirst().orElseThrow();
    }

    Staff first(String role) {
        return role(role).get(0);
    }
}
