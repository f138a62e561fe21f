package org.salesops.jobs.generator;

/**
 * How one rep works; drawn once per rep so that scorecards differ between people and stay stable
 * over the month.
 *
 * @param responseMedianMinutes working minutes to the first call on a fresh lead, typically
 * @param neglect               share of assigned leads never contacted
 * @param slowResponse          share of leads first contacted only after a day or more
 * @param lateLogging           share of follow-ups logged the next day (the seed's 17-hour gap)
 * @param logsWithoutCall       share of "call" follow-ups with no call in the telephone records (WeChat voice)
 * @param cloudPhoneShare       share of calls made from the cloud work phone (Twilio) instead of the desk PBX
 * @param questionsMean         needs-discovery questions per conversation
 * @param registersPromises     chance a promise made on the phone is registered as a commitment
 * @param keepsPromisesOnTime   chance a registered commitment is fulfilled by its due time
 * @param reportsDaily          chance of submitting the daily report on a working day
 * @param fillsPaymentPath      chance the payment path is completed at or soon after signing
 */
record RepHabits(
        double responseMedianMinutes,
        double neglect,
        double slowResponse,
        double lateLogging,
        double logsWithoutCall,
        double cloudPhoneShare,
        double questionsMean,
        double registersPromises,
        double keepsPromisesOnTime,
        double reportsDaily,
        double fillsPaymentPath) {

    static RepHabits draw(Rng rng) {
        return new RepHabits(
                rng.logNormal(45, 0.7), rng.uniform(0.02, 0.10), rng.uniform(0.04, 0.14),
                rng.uniform(0.03, 0.10), rng.uniform(0.03, 0.10), rng.uniform(0.05, 0.40),
                rng.uniform(1.0, 4.5), rng.uniform(0.35, 0.90), rng.uniform(0.50, 0.90),
                rng.uniform(0.65, 1.0), rng.uniform(0.4, 0.9));
    }

    /** The rep the seed describes: calls on WeChat or the phone, logs it in the CRM next morning. */
    RepHabits loggingLate() {
        return new RepHabits(responseMedianMinutes, neglect, slowResponse, 0.65, 0.3, cloudPhoneShare,
                questionsMean, registersPromises * 0.5, keepsPromisesOnTime, reportsDaily, fillsPaymentPath);
    }

    /** A rep who lets leads go cold (and, in the seed's story, then flips them in bulk). */
    RepHabits neglectful() {
        return new RepHabits(responseMedianMinutes * 2, 0.18, 0.25, lateLogging, logsWithoutCall, cloudPhoneShare,
                1.2, 0.3, 0.45, 0.6, 0.4);
    }
}
