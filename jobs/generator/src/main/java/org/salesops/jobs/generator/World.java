package org.salesops.jobs.generator;

import java.time.Instant;
import org.salesops.pipelines.crm.CrmSchema;

/** Everything the simulated company shares: clock, calendar, database, telephones, bank, people. */
final class World {

    /** Which founding reps have the seed's bad habits (index into the hiring order). */
    static final int LATE_LOGGER = 1;
    static final int NEGLECTFUL = 4;

    final CompanyProfile profile;
    final Rng rng;
    final Agenda agenda;
    final WorkCalendar calendar = new WorkCalendar();
    final CrmDatabase crm;
    final ChineseNames names;
    final CompanyNames companies;
    final PhoneBook phones;
    final Phrases phrases;
    final Telephony telephony;
    final BankFeed bank;
    final ContactLedger ledger = new ContactLedger();
    final Org org = new Org();
    final Instant historyStart;
    final Instant snapshotAt;
    final Instant end;

    World(CompanyProfile profile, CrmSchema schema) {
        this.profile = profile;
        this.rng = new Rng(profile.seed());
        this.historyStart = calendar.at(profile.startDate().minusDays(profile.historyDays()), 0, 0);
        this.snapshotAt = calendar.at(profile.startDate(), 6, 30);
        this.end = calendar.at(profile.startDate().plusDays(profile.days()), 0, 0);
        this.agenda = new Agenda(historyStart.minusSeconds(86_400));
        this.crm = new CrmDatabase(schema, agenda, rng);
        this.names = new ChineseNames(rng);
        this.companies = new CompanyNames(rng);
        this.phones = new PhoneBook(rng);
        this.phrases = new Phrases(rng);
        this.telephony = new Telephony(rng, agenda);
        this.bank = new BankFeed(rng, agenda, calendar);
    }

    Instant now() {
        return agenda.now();
    }
}
