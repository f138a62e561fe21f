package org.salesops.pipelines.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The matching engine's configuration, read from schemas/config/matching.json (rules) and
 * schemas/config/commission.json (release schedule); each field is documented there.
 *
 * @param currencies                 the currencies we invoice in: each is one matching task, and
 *                                   customers and finance decisions are sent to every one of them
 * @param documents                  how invoice and contract numbers are recognised
 * @param fee                        bank fees written off when a payment falls short
 * @param autoMatchConfidence        the least confidence at which a match is applied without a person
 * @param nameSimilarity             the least similarity of normalised names for a typo to count
 * @param maxInvoicesPerPayment      the most open invoices one payment is tried against (Stripe: 5)
 * @param maxAmountOnlyCandidates    an amount that fits more open invoices than this is not suggested
 * @param notCustomerPaymentFamilies bank transaction sub-families that are never a customer's payment
 * @param commission                 the commission release schedule
 */
public record MatchingSettings(List<String> currencies, DocumentReferences documents, FeeTolerance fee,
                               double autoMatchConfidence, double nameSimilarity, int maxInvoicesPerPayment,
                               int maxAmountOnlyCandidates, Set<String> notCustomerPaymentFamilies,
                               CommissionSchedule commission) implements Serializable {

    public static final String MATCHING_RESOURCE = "/schemas/config/matching.json";
    public static final String COMMISSION_RESOURCE = "/schemas/config/commission.json";

    public static MatchingSettings load() {
        JsonNode rules = read(MATCHING_RESOURCE);
        JsonNode fee = rules.path("bank_fee");
        List<CommissionSchedule.Milestone> milestones = new ArrayList<>();
        for (JsonNode m : read(COMMISSION_RESOURCE).path("milestones")) {
            milestones.add(new CommissionSchedule.Milestone(m.get("milestone").asText(),
                    new BigDecimal(m.get("paid_share").asText()), new BigDecimal(m.get("release_share").asText())));
        }
        return new MatchingSettings(texts(rules.path("currencies")),
                new DocumentReferences(texts(rules.path("document_prefixes"))),
                new FeeTolerance(decimal(fee.path("max_absolute")), decimal(fee.path("max_percent"))),
                rules.path("auto_match_confidence").asDouble(), rules.path("name_similarity").asDouble(),
                rules.path("max_invoices_per_payment").asInt(), rules.path("max_amount_only_candidates").asInt(),
                Set.copyOf(texts(rules.path("not_customer_payment_subfamilies"))), new CommissionSchedule(milestones));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    private static BigDecimal decimal(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : new BigDecimal(value.asText());
    }

    private static JsonNode read(String resource) {
        try (InputStream in = MatchingSettings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
