package org.arrival.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCatalogueTest {

    private static final EventCatalogue CATALOGUE = EventCatalogue.instance();

    static List<TopicDefinition> topics() {
        return CATALOGUE.topics();
    }

    static List<EventTypeDefinition> types() {
        return CATALOGUE.eventTypes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topics")
    void topicIsWellFormed(TopicDefinition topic) {
        assertThat(topic.name()).matches("^arrival\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+$");
        assertThat(topic.name()).startsWith("arrival." + topic.owner() + ".");
        assertThat(topic.partitions()).isGreaterThanOrEqualTo(1);
        assertThat(topic.retentionMs() == -1 || topic.retentionMs() > 0)
                .as("retentionMs")
                .isTrue();
        assertThat(topic.cleanupPolicy()).isIn("delete", "compact", "compact,delete");
        assertThat(topic.eventTypes()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void eventTypeIsWellFormed(EventTypeDefinition type) {
        assertThat(type.type()).matches("^org\\.arrival\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+$");
        String service = type.type().split("\\.")[2];
        // the type's namespace is the owner without hyphens: topics of action-plans carry org.arrival.actionplans.*
        assertThat(CATALOGUE.topic(type.topic()).owner().replace("-", ""))
                .as("topic owner")
                .isEqualTo(service);
        String suffix = type.simpleName() + ".v" + type.version();
        assertThat(type.schema()).isEqualTo("schemas/" + service + "/" + suffix + ".schema.json");
        assertThat(type.examples()).isEqualTo("examples/" + service + "/" + suffix);
        assertThat(type.payload().getSimpleName()).isEqualTo(type.simpleName());
        assertThat(CATALOGUE.typeOf(type.payload())).isEqualTo(type);
    }

    @Test
    void registryTopicsAndTypes() {
        assertThat(CATALOGUE.topicsOwnedBy("registry"))
                .extracting(TopicDefinition::name)
                .containsExactly(
                        "arrival.registry.stakeholders.v1",
                        "arrival.registry.forums.v1",
                        "arrival.registry.meetings.v1");
        assertThat(typesOf("registry")).hasSize(22);
    }

    @Test
    void assessmentsTopicsAndTypes() {
        assertThat(CATALOGUE.topicsOwnedBy("assessments"))
                .extracting(TopicDefinition::name)
                .containsExactly(
                        "arrival.assessments.rounds.v1",
                        "arrival.assessments.gaps.v1",
                        "arrival.assessments.population.v1",
                        "arrival.assessments.needs.v1",
                        "arrival.assessments.inputs.v1");
        assertThat(typesOf("assessments"))
                .containsExactly(
                        "org.arrival.assessments.AssessmentRoundOpened.v1",
                        "org.arrival.assessments.ChecklistResponseSubmitted.v1",
                        "org.arrival.assessments.AssessmentRoundClosed.v1",
                        "org.arrival.assessments.ChecklistScoresPublished.v1",
                        "org.arrival.assessments.ChecklistGapIdentified.v1",
                        "org.arrival.assessments.PopulationEstimateRecorded.v1",
                        "org.arrival.assessments.PopulationEstimateRevised.v1",
                        "org.arrival.assessments.NeedIdentified.v1",
                        "org.arrival.assessments.NeedUpdated.v1",
                        "org.arrival.assessments.InputContributed.v1");
    }

    @Test
    void actionPlansTopicsAndTypes() {
        assertThat(CATALOGUE.topicsOwnedBy("action-plans"))
                .extracting(TopicDefinition::name)
                .containsExactly("arrival.action-plans.plans.v1", "arrival.action-plans.actions.v1");
        assertThat(typesOf("action-plans"))
                .containsExactly(
                        "org.arrival.actionplans.PlanRecorded.v1",
                        "org.arrival.actionplans.PlanUpdated.v1",
                        "org.arrival.actionplans.ActionProposed.v1",
                        "org.arrival.actionplans.ActionUpdated.v1",
                        "org.arrival.actionplans.MilestoneRecorded.v1",
                        "org.arrival.actionplans.ProgressReported.v1",
                        "org.arrival.actionplans.FundingRecorded.v1",
                        "org.arrival.actionplans.ContributionMade.v1",
                        "org.arrival.actionplans.ReportDue.v1",
                        "org.arrival.actionplans.ReportOverdue.v1");
        assertThat(CATALOGUE.topic("arrival.action-plans.plans.v1").eventTypes())
                .containsExactly("org.arrival.actionplans.PlanRecorded.v1", "org.arrival.actionplans.PlanUpdated.v1");
    }

    @Test
    void forumTopicsAndTypes() {
        assertThat(CATALOGUE.topicsOwnedBy("forum"))
                .extracting(TopicDefinition::name)
                .containsExactly("arrival.forum.flags.v1");
        assertThat(typesOf("forum"))
                .containsExactly(
                        "org.arrival.forum.CoherenceFlagRaised.v1", "org.arrival.forum.CoherenceFlagUpdated.v1");
    }

    @Test
    void everyTypeIsListedOnce() {
        assertThat(CATALOGUE.eventTypes()).hasSize(44);
        assertThat(Set.copyOf(CATALOGUE.eventTypes().stream()
                        .map(EventTypeDefinition::type)
                        .toList()))
                .hasSize(44);
    }

    private static List<String> typesOf(String owner) {
        return CATALOGUE.eventTypes().stream()
                .filter(t -> CATALOGUE.topic(t.topic()).owner().equals(owner))
                .map(EventTypeDefinition::type)
                .toList();
    }

    @Test
    void unknownNamesAreRejected() {
        assertThatThrownBy(() -> CATALOGUE.type("org.arrival.registry.Nothing.v1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        EventContractValidator.shared().violations("org.arrival.registry.Nothing.v1", "{}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
