package org.salesops.jobs.generator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.salesops.pipelines.bank.BankTransaction;

/**
 * The company's collection account and the credit notifications the bank sends for it. Most
 * credits are notified on their own within seconds; the rest in the day's batch document at 17:30.
 */
final class BankFeed {

    static final String SOURCE_FORMAT = "camt.054.001.08";
    static final String ACCOUNT = "755912345610801";
    private static final DateTimeFormatter MESSAGE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter REFERENCE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    /** What the payer sent: the fields of a credit the simulation decides. */
    record Credit(BigDecimal amount, String payerName, String payerAccount, String remittance,
                  List<String> invoiceNumbers, String endToEndId, String bankTransactionCode) {
    }

    private final Rng rng;
    private final Agenda agenda;
    private final WorkCalendar calendar;
    private final List<BankNotification> notifications = new ArrayList<>();
    private final Map<LocalDate, List<BankTransaction>> batches = new HashMap<>();
    private long sequence = 1;
    private long messages = 1;

    BankFeed(Rng rng, Agenda agenda, WorkCalendar calendar) {
        this.rng = rng;
        this.agenda = agenda;
        this.calendar = calendar;
    }

    /**
     * Books the credit now; returns the bank's reference (AcctSvcrRef), what finance quotes in
     * decisions. Credits are booked in the interbank system's hours, so the booking date is the
     * same in Shanghai and in UTC.
     */
    String book(Credit credit) {
        Instant bookedAt = agenda.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate date = calendar.date(bookedAt);
        String reference = REFERENCE_DATE.format(date) + String.format("%010d", sequence++);
        Instant batchTime = calendar.at(date, 17, 30);
        boolean batched = rng.chance(0.25) && bookedAt.isBefore(batchTime);
        Instant created = batched ? batchTime : bookedAt.plusSeconds(rng.between(2, 40));
        String messageId = batched && batches.containsKey(date) ? batches.get(date).get(0).messageId() : messageId(created);
        BankTransaction transaction = new BankTransaction(reference, SOURCE_FORMAT, messageId, ACCOUNT,
                credit.amount(), "CNY", date, date, bookedAt, "BOOK", false, reference, credit.endToEndId(),
                credit.payerName(), credit.payerAccount(), credit.remittance(), null,
                List.copyOf(credit.invoiceNumbers()), credit.bankTransactionCode());
        if (batched) {
            batches.computeIfAbsent(date, d -> {
                agenda.at(batchTime, () -> notifications.add(
                        new BankNotification(messageId, batchTime, List.copyOf(batches.remove(d)))));
                return new ArrayList<>();
            }).add(transaction);
        } else {
            agenda.at(created, () -> notifications.add(new BankNotification(messageId, created, List.of(transaction))));
        }
        return reference;
    }

    List<BankNotification> notifications() {
        return Collections.unmodifiableList(notifications);
    }

    private String messageId(Instant created) {
        return "CMB054" + MESSAGE_TIME.format(created.atZone(WorkCalendar.SHANGHAI)) + String.format("%04d", messages++);
    }

}
