package org.arrival.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Proves the schema checks can fail: each broken copy of a valid example is rejected. */
class NegativeContractTest {

    private static final String REGISTERED = "org.arrival.registry.StakeholderRegistered.v1";
    private static final String GRANTED = "org.arrival.registry.MembershipGranted.v1";
    private static final String RECORDED = "org.arrival.assessments.PopulationEstimateRecorded.v1";
    private static final String GAP = "org.arrival.assessments.ChecklistGapIdentified.v1";
    private static final String PUBLISHED = "org.arrival.assessments.ChecklistScoresPublished.v1";
    private static final String CONTRIBUTED = "org.arrival.assessments.InputContributed.v1";
    private static final String RECORDED_EXAMPLE =
            "examples/assessments/PopulationEstimateRecorded.v1/" + "001-refugees-in-kampala.json";
    private static final String GAP_EXAMPLE = "examples/assessments/ChecklistGapIdentified.v1/001-question-1-1-a.json";
    private static final String PUBLISHED_EXAMPLE =
            "examples/assessments/ChecklistScoresPublished.v1/" + "001-kampala-city-round.json";
    private static final String CONTRIBUTED_EXAMPLE =
            "examples/assessments/InputContributed.v1/" + "001-community-consultation.json";
    private static final String ACTION = "org.arrival.actionplans.ActionProposed.v1";
    private static final String PLAN = "org.arrival.actionplans.PlanRecorded.v1";
    private static final String PROGRESS = "org.arrival.actionplans.ProgressReported.v1";
    private static final String FUNDING = "org.arrival.actionplans.FundingRecorded.v1";
    private static final String CONTRIBUTION = "org.arrival.actionplans.ContributionMade.v1";
    private static final String OVERDUE = "org.arrival.actionplans.ReportOverdue.v1";
    private static final String ACTION_EXAMPLE =
            "examples/actionplans/ActionProposed.v1/001-multilingual-referral-desks.json";
    private static final String LOCAL_ACTION_EXAMPLE =
            "examples/actionplans/ActionProposed.v1/" + "003-local-implementation-in-kampala.json";
    private static final String PLAN_EXAMPLE =
            "examples/actionplans/PlanRecorded.v1/001-kampala-municipal-action-plan.json";
    private static final String PROGRESS_EXAMPLE =
            "examples/actionplans/ProgressReported.v1/" + "001-referral-desks-april-to-june-2025.json";
    private static final String FUNDING_EXAMPLE =
            "examples/actionplans/FundingRecorded.v1/" + "001-referral-desks-usd-grant.json";
    private static final String CONTRIBUTION_EXAMPLE =
            "examples/actionplans/ContributionMade.v1/001-ngo-objection.json";
    private static final String OVERDUE_EXAMPLE =
            "examples/actionplans/ReportOverdue.v1/" + "001-referral-desks-july-to-september-2025.json";
    private final EventContractValidator validator = EventContractValidator.shared();

    @Test
    void theUnchangedExampleIsValid() {
        validator.requireValid(REGISTERED, write(registered(e -> {})));
    }

    @Test
    void rejectsAMissingRequiredField() {
        assertRejected(REGISTERED, registered(e -> stakeholder(e).remove("name")), "name");
        assertRejected(REGISTERED, registered(e -> e.remove("actor")), "actor");
    }

    @Test
    void rejectsAnUnknownEnumValue() {
        assertRejected(REGISTERED, registered(e -> stakeholder(e).put("type", "SECRET_POLICE")), "type");
        assertRejected(
                REGISTERED, registered(e -> stakeholder(e).withArray("sectors").add("TOURISM")), "sectors");
    }

    @Test
    void rejectsAnExtraProperty() {
        assertRejected(REGISTERED, registered(e -> stakeholder(e).put("nationality", "SS")), "nationality");
        assertRejected(REGISTERED, registered(e -> e.put("comment", "x")), "comment");
    }

    @Test
    void rejectsAMalformedUuid() {
        assertRejected(REGISTERED, registered(e -> stakeholder(e).put("stakeholderId", "kcca-001")), "stakeholderId");
    }

    @Test
    void rejectsAMalformedDate() {
        ObjectNode granted = read("examples/registry/MembershipGranted.v1/001-city-chair.json");
        ((ObjectNode) granted.get("membership")).put("termStart", "01/03/2025");
        assertRejected(GRANTED, granted, "termStart");
    }

    @Test
    void rejectsNullForAnOptionalField() {
        assertRejected(REGISTERED, registered(e -> stakeholder(e).putNull("acronym")), "acronym");
    }

    @Test
    void rejectsValuesBeyondTheLimits() {
        assertRejected(REGISTERED, registered(e -> stakeholder(e).put("name", "x".repeat(301))), "name");
        assertRejected(
                REGISTERED,
                registered(e -> ((ObjectNode) stakeholder(e).get("jurisdiction")).put("country", "Uganda")),
                "country");
    }

    @Test
    void theUnchangedAssessmentsExamplesAreValid() {
        validator.requireValid(RECORDED, write(read(RECORDED_EXAMPLE)));
        validator.requireValid(GAP, write(read(GAP_EXAMPLE)));
        validator.requireValid(PUBLISHED, write(read(PUBLISHED_EXAMPLE)));
        validator.requireValid(CONTRIBUTED, write(read(CONTRIBUTED_EXAMPLE)));
    }

    /** Counts below 5 could point at individuals: they are published only as {@code "<5"}. */
    @Test
    void rejectsACountBelowFive() {
        assertRejected(RECORDED, estimate(e -> e.set("registered", count(3))), "registered");
        assertRejected(RECORDED, estimate(e -> e.set("estimated", count(0))), "estimated");
        assertRejected(RECORDED, estimate(e -> cell(e, 0).set("count", count(3))), "count");
        ObjectNode input = read(CONTRIBUTED_EXAMPLE);
        ((ObjectNode) input.get("input")).set("participants", count(4));
        assertRejected(CONTRIBUTED, input, "participants");
    }

    @Test
    void rejectsACountWithBothAValueAndASuppressedMark() {
        assertRejected(RECORDED, estimate(e -> e.set("registered", count(3).put("suppressed", "<5"))), "registered");
        assertRejected(RECORDED, estimate(e -> e.set("estimated", count(12).put("suppressed", "<5"))), "estimated");
    }

    @Test
    void rejectsACountWithNeitherOrAnotherSuppressedMark() {
        assertRejected(
                RECORDED, estimate(e -> e.set("registered", ContractFiles.JSON.createObjectNode())), "registered");
        assertRejected(
                RECORDED,
                estimate(e -> e.set(
                        "registered", ContractFiles.JSON.createObjectNode().put("suppressed", "3"))),
                "suppressed");
        assertRejected(RECORDED, estimate(e -> e.putNull("registered")), "registered");
    }

    @Test
    void rejectsAnEstimateWithoutAnyCount() {
        assertRejected(
                RECORDED,
                estimate(e -> {
                    e.remove("registered");
                    e.remove("estimated");
                }),
                "estimate");
    }

    @Test
    void rejectsABreakdownByAnUnknownDimension() {
        assertRejected(RECORDED, estimate(e -> cell(e, 0).put("dimension", "ETHNICITY")), "dimension");
        assertRejected(RECORDED, estimate(e -> cell(e, 0).put("category", "x".repeat(51))), "category");
    }

    @Test
    void rejectsMalformedChecklistCodes() {
        assertRejected(GAP, gap(g -> g.put("questionCode", "1.1")), "questionCode");
        assertRejected(GAP, gap(g -> g.put("questionCode", "1.1.A")), "questionCode");
        assertRejected(GAP, gap(g -> g.put("actionCode", "1.1.a")), "actionCode");
        assertRejected(GAP, gap(g -> g.put("recommendationCode", "R11")), "recommendationCode");
        assertRejected(GAP, gap(g -> g.put("recommendationCode", "R0")), "recommendationCode");
        assertRejected(GAP, gap(g -> g.put("consolidatedAnswer", "Y")), "consolidatedAnswer");
        ObjectNode published = read(PUBLISHED_EXAMPLE);
        published.withArray("divergentQuestions").add("10.1");
        assertRejected(PUBLISHED, published, "divergentQuestions");
    }

    @Test
    void rejectsScoresOutOfRange() {
        assertRejected(GAP, gap(g -> g.put("points", -0.5)), "points");
        assertRejected(GAP, gap(g -> g.put("points", 2.5)), "points");
        ObjectNode published = read(PUBLISHED_EXAMPLE);
        ((ObjectNode) published.get("overall")).put("max", -1);
        assertRejected(PUBLISHED, published, "max");
        ObjectNode fractionalMax = read(PUBLISHED_EXAMPLE);
        ((ObjectNode) fractionalMax.get("overall")).put("max", 190.5);
        assertRejected(PUBLISHED, fractionalMax, "max");
    }

    @Test
    void rejectsAnInputTooLongOrAboutSomethingElse() {
        ObjectNode tooLong = read(CONTRIBUTED_EXAMPLE);
        ((ObjectNode) tooLong.get("input")).put("summary", "x".repeat(4001));
        assertRejected(CONTRIBUTED, tooLong, "summary");
        ObjectNode otherSubject = read(CONTRIBUTED_EXAMPLE);
        ((ObjectNode) otherSubject.get("input")).put("subjectType", "PERSON");
        assertRejected(CONTRIBUTED, otherSubject, "subjectType");
    }

    @Test
    void theUnchangedActionPlansExamplesAreValid() {
        validator.requireValid(ACTION, write(read(ACTION_EXAMPLE)));
        validator.requireValid(ACTION, write(read(LOCAL_ACTION_EXAMPLE)));
        validator.requireValid(PLAN, write(read(PLAN_EXAMPLE)));
        validator.requireValid(PROGRESS, write(read(PROGRESS_EXAMPLE)));
        validator.requireValid(FUNDING, write(read(FUNDING_EXAMPLE)));
        validator.requireValid(CONTRIBUTION, write(read(CONTRIBUTION_EXAMPLE)));
        validator.requireValid(OVERDUE, write(read(OVERDUE_EXAMPLE)));
    }

    @Test
    void rejectsAPercentCompleteOutOfRange() {
        assertRejected(PROGRESS, report(r -> r.put("percentComplete", 101)), "percentComplete");
        assertRejected(PROGRESS, report(r -> r.put("percentComplete", -1)), "percentComplete");
        assertRejected(PROGRESS, report(r -> r.put("percentComplete", 40.5)), "percentComplete");
    }

    @Test
    void rejectsNegativeOrOverPreciseMoney() {
        assertRejected(FUNDING, funding(f -> line(f).put("committed", -150000)), "committed");
        assertRejected(FUNDING, funding(f -> total(f).put("gap", -0.01)), "gap");
        assertRejected(FUNDING, funding(f -> line(f).put("disbursed", 90000.005)), "disbursed");
        assertRejected(FUNDING, funding(f -> line(f).put("required", "250000")), "required");
    }

    @Test
    void rejectsAMalformedCurrency() {
        assertRejected(FUNDING, funding(f -> line(f).put("currency", "usd")), "currency");
        assertRejected(FUNDING, funding(f -> total(f).put("currency", "US$")), "currency");
        assertRejected(FUNDING, funding(f -> f.withArray("totals").removeAll()), "totals");
    }

    @Test
    void rejectsAnUnknownFrameworkItem() {
        assertRejected(ACTION, action(a -> a.withArray("frameworkItems").add("SDG-99")), "frameworkItems");
        assertRejected(ACTION, action(a -> a.withArray("frameworkItems").add("GCM-24")), "frameworkItems");
        assertRejected(ACTION, action(a -> a.withArray("frameworkItems").add("UNH-R11")), "frameworkItems");
        assertRejected(ACTION, action(a -> a.withArray("frameworkItems").add("sdg-11.1")), "frameworkItems");
    }

    @Test
    void rejectsAWeightOutOfRange() {
        ObjectNode zero = read(LOCAL_ACTION_EXAMPLE);
        ((ObjectNode) zero.get("action")).put("weight", 0);
        assertRejected(ACTION, zero, "weight");
        ObjectNode tooHeavy = read(LOCAL_ACTION_EXAMPLE);
        ((ObjectNode) tooHeavy.get("action")).put("weight", 101);
        assertRejected(ACTION, tooHeavy, "weight");
    }

    @Test
    void rejectsActionPlansTextsBeyondTheLimits() {
        assertRejected(ACTION, action(a -> a.put("title", "x".repeat(301))), "title");
        assertRejected(ACTION, action(a -> a.put("description", "x".repeat(4001))), "description");
        assertRejected(ACTION, action(a -> a.putNull("planId")), "planId");
        assertRejected(PROGRESS, report(r -> r.put("narrative", "x".repeat(4001))), "narrative");
        assertRejected(
                PROGRESS, report(r -> ((ObjectNode) r.get("indicators").get(0)).put("unit", "x".repeat(51))), "unit");
        ObjectNode objectives = read(PLAN_EXAMPLE);
        for (int i = 0; i < 17; i++) {
            ((ObjectNode) objectives.get("plan")).withArray("objectives").add("Objective " + i);
        }
        assertRejected(PLAN, objectives, "objectives");
        ObjectNode longObjective = read(PLAN_EXAMPLE);
        ((ObjectNode) longObjective.get("plan")).withArray("objectives").add("x".repeat(501));
        assertRejected(PLAN, longObjective, "objectives");
        ObjectNode contribution = read(CONTRIBUTION_EXAMPLE);
        ((ObjectNode) contribution.get("contribution")).put("text", "x".repeat(4001));
        assertRejected(CONTRIBUTION, contribution, "text");
    }

    @Test
    void rejectsAReportOverdueByNoDays() {
        ObjectNode overdue = read(OVERDUE_EXAMPLE);
        overdue.put("daysOverdue", 0);
        assertRejected(OVERDUE, overdue, "daysOverdue");
    }

    @Test
    void reportsInvalidJson() {
        assertThat(validator.violations(REGISTERED, "{not json".getBytes())).hasSize(1);
    }

    private void assertRejected(String type, ObjectNode payload, String mentioned) {
        assertThat(validator.violations(type, write(payload)))
                .isNotEmpty()
                .anySatisfy(v -> assertThat(v).contains(mentioned));
        assertThatThrownBy(() -> validator.requireValid(type, write(payload)))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining(type)
                .satisfies(e -> assertThat(((ContractViolationException) e).violations())
                        .isNotEmpty());
    }

    private static ObjectNode registered(Consumer<ObjectNode> change) {
        ObjectNode node = read("examples/registry/StakeholderRegistered.v1/001-city-authority.json");
        change.accept(node);
        return node;
    }

    private static ObjectNode estimate(Consumer<ObjectNode> change) {
        ObjectNode node = read(RECORDED_EXAMPLE);
        change.accept((ObjectNode) node.get("estimate"));
        return node;
    }

    private static ObjectNode cell(ObjectNode estimate, int index) {
        return (ObjectNode) estimate.get("breakdown").get(index);
    }

    private static ObjectNode count(int value) {
        return ContractFiles.JSON.createObjectNode().put("value", value);
    }

    private static ObjectNode gap(Consumer<ObjectNode> change) {
        ObjectNode node = read(GAP_EXAMPLE);
        change.accept(node);
        return node;
    }

    private static ObjectNode action(Consumer<ObjectNode> change) {
        ObjectNode node = read(ACTION_EXAMPLE);
        change.accept((ObjectNode) node.get("action"));
        return node;
    }

    private static ObjectNode report(Consumer<ObjectNode> change) {
        ObjectNode node = read(PROGRESS_EXAMPLE);
        change.accept((ObjectNode) node.get("report"));
        return node;
    }

    private static ObjectNode funding(Consumer<ObjectNode> change) {
        ObjectNode node = read(FUNDING_EXAMPLE);
        change.accept(node);
        return node;
    }

    private static ObjectNode line(ObjectNode event) {
        return (ObjectNode) event.get("line");
    }

    private static ObjectNode total(ObjectNode event) {
        return (ObjectNode) event.get("totals").get(0);
    }

    private static ObjectNode stakeholder(ObjectNode event) {
        return (ObjectNode) event.get("stakeholder");
    }

    private static ObjectNode read(String path) {
        return (ObjectNode) ContractFiles.json(ContractFiles.ROOT.resolve(path));
    }

    private static byte[] write(ObjectNode node) {
        return ContractFiles.JSON.writeValueAsBytes(node);
    }
}
