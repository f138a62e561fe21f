package org.salesops.jobs.generator;

/**
 * One user of the CRM as the simulation knows them.
 *
 * @param extension PBX extension (desk phone)
 * @param mobile    work mobile, also the caller id of the cloud phone
 * @param habits    how a rep works; null for other roles
 */
record Staff(long id, PersonName name, String role, Long teamId, Long managerId, String region,
             String extension, Phone mobile, RepHabits habits) {

    boolean isRep() {
        return "rep".equals(role);
    }
}
