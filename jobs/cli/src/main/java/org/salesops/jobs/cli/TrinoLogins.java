package org.salesops.jobs.cli;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.salesops.infra.local.LocalStack;

/**
 * Lets the company's people log in to the local Trino as themselves: each active CRM user's login is
 * the local part of their e-mail address ({@code wei.zhang} for wei.zhang@...; where two people share
 * it, each gets {@code .<users.id>} appended), and Trino's group file gets, from crm.users and
 * crm.teams, the groups that schemas/access/rules.json reads:
 * <ul>
 *   <li>the role: {@code director}, {@code supervisor}, {@code rep} or {@code finance} (the CRM's role);</li>
 *   <li>{@code sees_user_<users.id>}: the person and their team's supervisor, for rows keyed by a person;</li>
 *   <li>{@code sees_team_<teams.id>}: the team's supervisor, for rows keyed by a team.</li>
 * </ul>
 */
public final class TrinoLogins {

    /** CRM roles that are also Trino groups; presales, delivery and customer success have no SQL access. */
    static final Set<String> ROLES_WITH_ACCESS = Set.of("director", "supervisor", "rep", "finance");

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);

    private TrinoLogins() {
    }

    /** One active CRM user as Trino knows them. */
    record Person(long id, String login, String role, Long teamId, Long supervisorId) {
    }

    /** Reads the people (through a service connection), writes their groups and waits until Trino uses them. */
    public static List<Person> publish(Connection serviceTrino, LocalStack stack) throws SQLException, IOException,
            InterruptedException {
        List<Person> people = read(serviceTrino);
        stack.writeTrinoPeopleGroups(membersByGroup(people));
        Person someone = people.stream().filter(p -> ROLES_WITH_ACCESS.contains(p.role())).findFirst().orElse(null);
        if (someone != null) {
            awaitGroups(stack.trinoJdbcUrl(), someone);
        }
        return people;
    }

    static List<Person> read(Connection trino) throws SQLException {
        record Row(long id, String mailbox, String role, Long teamId, Long supervisorId) {
        }
        List<Row> rows = new ArrayList<>();
        try (Statement s = trino.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT u.id, lower(split_part(u.email, '@', 1)), u.role, u.team_id, t.supervisor_id
                FROM crm.users u LEFT JOIN crm.teams t ON t.id = u.team_id
                WHERE u.active AND u.email LIKE '%_@%'
                ORDER BY u.id""")) {
            while (rs.next()) {
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                        (Long) rs.getObject(5)));
            }
        }
        Map<String, Integer> holders = new HashMap<>();
        rows.forEach(r -> holders.merge(r.mailbox(), 1, Integer::sum));
        return rows.stream().map(r -> new Person(r.id(),
                holders.get(r.mailbox()) > 1 ? r.mailbox() + "." + r.id() : r.mailbox(),
                r.role(), r.teamId(), r.supervisorId())).toList();
    }

    static Map<String, Set<String>> membersByGroup(List<Person> people) {
        Map<Long, String> loginById = new HashMap<>();
        people.forEach(p -> loginById.put(p.id(), p.login()));
        Map<String, Set<String>> groups = new TreeMap<>();
        for (Person person : people) {
            if (ROLES_WITH_ACCESS.contains(person.role())) {
                add(groups, person.role(), person.login());
            }
            add(groups, "sees_user_" + person.id(), person.login());
            String supervisor = person.supervisorId() == null ? null : loginById.get(person.supervisorId());
            if (supervisor != null) {
                add(groups, "sees_user_" + person.id(), supervisor);
                add(groups, "sees_team_" + person.teamId(), supervisor);
            }
        }
        return groups;
    }

    private static void add(Map<String, Set<String>> groups, String group, String login) {
        groups.computeIfAbsent(group, g -> new TreeSet<>()).add(login);
    }

    /** Trino re-reads the group file on its own schedule: wait until it knows this person. */
    private static void awaitGroups(String jdbcUrl, Person person) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(VISIBLE_WITHIN);
        String expected = "sees_user_" + person.id();
        try (Connection trino = DriverManager.getConnection(jdbcUrl, person.login(), null);
             Statement s = trino.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT contains(current_groups(), '" + expected + "')")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                } catch (SQLException notYet) {
                    // Someone without groups may not even run a query: expected until the file is read.
                    if (Instant.now().isAfter(deadline)) {
                        throw notYet;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Trino did not take up the group file within "
                            + VISIBLE_WITHIN.toSeconds() + " s (user " + person.login() + ")");
                }
                Thread.sleep(250);
            }
        }
    }
}
