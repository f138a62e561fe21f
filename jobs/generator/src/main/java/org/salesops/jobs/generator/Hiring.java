package org.salesops.jobs.generator;

/** Staffs the company: teams, supervisors, reps and the roles sales works with, each a users row. */
final class Hiring {

    static final String MAIL_DOMAIN = "liantuo-tech.cn";

    private final World world;
    private int nextSalesExtension = 8001;
    private int nextOtherExtension = 8100;

    Hiring(World world) {
        this.world = world;
    }

    /** The company as it is when the history starts. */
    void found(int reps) {
        Staff director = hire("director", null, null, null, "8000", null);
        for (String region : City.REGIONS) {
            long teamId = world.crm.nextId("teams");
            Staff supervisor = hire("supervisor", teamId, director.id(), region, salesExtension(), null);
            world.crm.insert("teams", Values.of("id", teamId, "name", region + "大区", "region", region,
                    "supervisor_id", supervisor.id()));
        }
        for (int i = 0; i < reps; i++) {
            String region = City.REGIONS.get(i % City.REGIONS.size());
            RepHabits habits = RepHabits.draw(world.rng);
            if (i == World.LATE_LOGGER) {
                habits = habits.loggingLate();
            } else if (i == World.NEGLECTFUL) {
                habits = habits.neglectful();
            }
            hireRep(region, habits);
        }
        Staff presalesHead = hire("presales", null, director.id(), null, otherExtension(), null);
        hire("presales", null, presalesHead.id(), null, otherExtension(), null);
        hire("presales", null, presalesHead.id(), null, otherExtension(), null);
        Staff deliveryHead = hire("delivery", null, director.id(), null, otherExtension(), null);
        for (int i = 0; i < 3; i++) {
            hire("delivery", null, deliveryHead.id(), null, otherExtension(), null);
        }
        Staff successLead = hire("customer_success", null, director.id(), null, otherExtension(), null);
        hire("customer_success", null, successLead.id(), null, otherExtension(), null);
        Staff financeManager = hire("finance", null, director.id(), null, otherExtension(), null);
        hire("finance", null, financeManager.id(), null, otherExtension(), null);
    }

    Staff hireRep(String region, RepHabits habits) {
        Staff supervisor = world.org.supervisor(region);
        return hire("rep", supervisor.teamId(), supervisor.id(), region, salesExtension(), habits);
    }

    private Staff hire(String role, Long teamId, Long managerId, String region, String extension, RepHabits habits) {
        long id = world.crm.nextId("users");
        PersonName name = world.names.colleague();
        Phone mobile = world.phones.mobile();
        Staff staff = new Staff(id, name, role, teamId, managerId, region, extension, mobile, habits);
        world.org.add(staff);
        world.crm.insert("users", Values.of("id", id, "name", name.chinese(), "role", role, "team_id", teamId,
                "manager_id", managerId, "extension", extension, "mobile", mobile.typed(world.rng),
                "email", name.email(MAIL_DOMAIN), "active", true));
        return staff;
    }

    private String salesExtension() {
        return String.valueOf(nextSalesExtension++);
    }

    private String otherExtension() {
        return String.valueOf(++nextOtherExtension);
    }
}
