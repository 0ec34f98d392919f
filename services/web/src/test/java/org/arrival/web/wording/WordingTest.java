package org.arrival.web.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.arrival.web.api.forum.ForumApi.Flag;
import org.arrival.web.layout.Formats;
import org.arrival.web.layout.Messages;
import org.arrival.web.layout.Page;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A flag's finding worded in the reader's language from its check and parameters, as the forum API sends them: the
 * checks of policy coherence in English and Arabic, a checklist action's gaps named together, a finding's other
 * wording when the flag lacks an argument of the first, and the English summary when no wording fits.
 */
class WordingTest {

    static final Locale ARABIC = Locale.forLanguageTag("ar");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static Page page(Locale locale) {
        return new Page(
                locale,
                new Messages(),
                new Formats(locale, ZoneId.of("Africa/Kampala")),
                List.of(locale),
                null,
                null,
                new Page.Csrf("_csrf", "t"),
                "/",
                path -> path);
    }

    /** A flag as the forum API sends it (with a field this application does not know), with these parameters. */
    static Flag flag(String check, String parameters) {
        return flag(check, parameters, 0);
    }

    /** A flag naming {@code records} records by id (its parameters may title fewer). */
    static Flag flag(String check, String parameters, int records) {
        String ids = java.util.stream.IntStream.range(0, records)
                .mapToObj(i -> "\"" + new UUID(7, i) + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        return JSON.readValue("""
                {"flagId":"b3c4e5f6-7081-4b2c-9d3e-4f5061728394","version":1,
                 "forumId":"6f1c0a3e-2d6b-4b6f-9a53-2b1d7c0e9a11","checkCode":"%s","key":"k","recordIds":[%s],
                 "summary":"The English summary.","status":"OPEN","conditionHolds":true,
                 "createdAt":"2026-10-01T08:00:00Z","severity":"HIGH","unknownField":1,
                 "parameters":%s}""".formatted(check, ids, parameters), Flag.class);
    }

    static String record(String kind, String title) {
        return "{\"recordId\":\"0b7e2f4c-8d1a-4c3e-9f5b-6a2d1e0c7b88\",\"kind\":\"%s\",\"title\":\"%s\"}"
                .formatted(kind, title);
    }

    static String en(Flag flag) {
        return Wording.finding(page(Locale.ENGLISH), flag);
    }

    static String ar(Flag flag) {
        return Wording.finding(page(ARABIC), flag);
    }

    static Flag gaps(String questions, String more) {
        return flag(
                "GAP_WITHOUT_ACTION", """
                {"records":[%s,%s],"areas":["Kampala"],"checklistAction":"3.3","questionCodes":[%s],
                 "recommendationCode":"R3"%s}""".formatted(record("GAP", "3.3.a"), record("GAP", "3.3.b"), questions, more));
    }

    @Test
    void aChecklistActionsGapsAreNamedTogetherAndAnOldFlagKeepsItsOwnWording() {
        Flag several = gaps("\"3.3.a\",\"3.3.b\"", "");
        assertThat(en(several))
                .isEqualTo("Checklist action 3.3 (Kampala) has gaps no action answers, at questions 3.3.a and 3.3.b.");
        assertThat(ar(several))
                .isEqualTo(
                        "لإجراء قائمة التحقق 3.3 (Kampala) ثغرتان لا يستجيب لهما أي إجراء، في السؤالين 3.3.a و3.3.b.");
        Flag three = gaps("\"3.3.a\",\"3.3.b\",\"3.3.c\"", "");
        assertThat(en(three))
                .isEqualTo(
                        "Checklist action 3.3 (Kampala) has gaps no action answers, at questions 3.3.a, 3.3.b, and 3.3.c.");
        assertThat(ar(three))
                .isEqualTo(
                        "لإجراء قائمة التحقق 3.3 (Kampala) ثغرات لا يستجيب لها أي إجراء، في الأسئلة 3.3.a و3.3.b و3.3.c.");
        Flag one = gaps("\"3.3.a\"", ",\"questionCode\":\"3.3.a\"");
        assertThat(en(one)).isEqualTo("Checklist action 3.3 (Kampala) has a gap no action answers, at question 3.3.a.");
        assertThat(ar(one))
                .isEqualTo("لإجراء قائمة التحقق 3.3 (Kampala) ثغرة لا يستجيب لها أي إجراء، في السؤال 3.3.a.");
        // raised before gaps were grouped: a question, no checklist action
        Flag old = flag("GAP_WITHOUT_ACTION", """
                {"records":[%s],"areas":["Kampala"],"questionCode":"3.3.a"}""".formatted(record("GAP", "3.3.a")));
        assertThat(en(old)).isEqualTo("Checklist gap at question 3.3.a (Kampala) has no action answering it.");
        assertThat(ar(old)).isEqualTo("ثغرة قائمة التحقق في السؤال 3.3.a (Kampala) لا يستجيب لها أي إجراء.");
    }

    @Test
    void anActionWithoutEvidence() {
        Flag f = flag(
                "ACTION_WITHOUT_EVIDENCE", "{\"records\":[%s]}".formatted(record("ACTION", "Evening legal clinic")));
        assertThat(en(f))
                .isEqualTo("Action “Evening legal clinic” is under way but names no need or checklist gap it answers,"
                        + " and implements no commitment.");
        assertThat(ar(f))
                .isEqualTo("الإجراء «Evening legal clinic» قيد التنفيذ لكنه لا يذكر أي احتياج أو ثغرة في قائمة التحقق"
                        + " يستجيب لها، ولا ينفّذ أي التزام.");
    }

    @Test
    void aParallelHumanitarianStructure() {
        Flag f = flag("PARALLEL_HUMANITARIAN_STRUCTURE", """
                {"records":[%s,%s],"areas":["Kampala"]}""".formatted(
                        record("ACTION", "Cash for rent"), record("PLAN", "Kampala integration plan")));
        assertThat(en(f))
                .isEqualTo("Humanitarian action “Cash for rent” in Kampala is not part of any plan of the local"
                        + " government there.");
        assertThat(ar(f))
                .isEqualTo("الإجراء الإنساني «Cash for rent» في Kampala ليس جزءًا من أي خطة للحكومة المحلية هناك.");
    }

    @Test
    void theHostCommunityLeftOut() {
        Flag f = flag("HOST_COMMUNITY_LEFT_OUT", """
                {"records":[%s,%s],"sectors":["HEALTH"],"groups":["REFUGEES","ASYLUM_SEEKERS"],"areas":["Katwe"]}""".formatted(
                        record("ACTION", "Refugee health desk"), record("NEED", "Clinics overcrowded")));
        assertThat(en(f))
                .isEqualTo("Action “Refugee health desk” serves displaced people only (Refugees and Asylum seekers),"
                        + " while the host community has an open need (Health) in Katwe.");
        assertThat(ar(f))
                .isEqualTo("الإجراء «Refugee health desk» يخدم النازحين وحدهم (اللاجئون وطالبو اللجوء)، بينما لدى"
                        + " المجتمع المضيف احتياج مفتوح (الصحة) في Katwe.");
    }

    @Test
    void migrantsMissingFromAPlanWithItsPlaceOrWithout() {
        Flag f = flag("MIGRANTS_MISSING_FROM_PLAN", """
                {"records":[%s],"areas":["Kampala"],"missing":["MIGRANTS_BUDGETED","STAFF_TRAINED"]}""".formatted(record("PLAN", "Kampala city plan")));
        assertThat(en(f))
                .isEqualTo("Plan “Kampala city plan” (Kampala) lacks what the guide asks of a plan that includes"
                        + " migrants: a budget line for migrants and staff trained to deliver it.");
        assertThat(ar(f))
                .isEqualTo("تفتقر الخطة «Kampala city plan» (Kampala) إلى ما يطلبه الدليل من خطة تشمل المهاجرين:"
                        + " بند في الميزانية للمهاجرين وموظفون مدرَّبون على تنفيذها.");
        Flag placeless = flag("MIGRANTS_MISSING_FROM_PLAN", """
                {"records":[%s],"missing":["MIGRANTS_NAMED"]}""".formatted(record("PLAN", "Kampala city plan")));
        assertThat(en(placeless))
                .isEqualTo("Plan “Kampala city plan” lacks what the guide asks of a plan that includes migrants:"
                        + " migrants named in the plan.");
    }

    @Test
    void aSmallerCityLeftOut() {
        Flag f =
                flag("SMALL_CITY_LEFT_OUT", """
                {"records":[%s],"areas":["Arua","Kampala"],"estimated":12500}""".formatted(record("POPULATION_ESTIMATE", "REFUGEES, Arua, 2026-03-01")));
        assertThat(en(f))
                .isEqualTo("Arua has an estimated migrant population of 12,500 but no plan, checklist round or funded"
                        + " action of its own, while Kampala has them.");
        assertThat(ar(f))
                .isEqualTo("في Arua عدد مقدَّر من المهاجرين يبلغ 12,500، لكن ليست لها خطة ولا جولة تقييم بقائمة"
                        + " التحقق ولا إجراء ممول خاص بها، بينما لدى Kampala ذلك.");
        assertThat(Wording.finding(page(Locale.FRENCH), f)).contains("estimée à 12\u202f500 personnes");
    }

    @Test
    void anUndercount() {
        Flag f = flag("UNDERCOUNT", """
                {"records":[%s],"groups":["REFUGEES"],"areas":["Kampala"],"registered":100000,"estimated":300000}""".formatted(record("POPULATION_ESTIMATE", "REFUGEES, Kampala, 2026-03-01")));
        assertThat(en(f))
                .isEqualTo("Refugees in Kampala: an estimated 300,000 people against 100,000 registered. Services"
                        + " funded on the registered figure fall short.");
        assertThat(ar(f))
                .isEqualTo("اللاجئون في Kampala: العدد المقدَّر 300,000 مقابل 100,000 من المسجَّلين. الخدمات الممولة"
                        + " على أساس العدد المسجَّل لا تكفي.");
    }

    @Test
    void staleEvidenceOfAnEstimateOrOfAChecklistRound() {
        Flag estimate =
                flag("STALE_EVIDENCE", """
                {"records":[%s],"groups":["REFUGEES"],"areas":["Kampala"],"asOf":"2023-05-01","limitDays":730}""".formatted(record("POPULATION_ESTIMATE", "REFUGEES, Kampala, 2023-05-01")));
        assertThat(en(estimate))
                .isEqualTo(
                        "The latest estimate for Refugees in Kampala dates from May 1, 2023, more than 730 days ago.");
        assertThat(ar(estimate))
                .isEqualTo("اللاجئون في Kampala: يعود آخر تقدير إلى 01\u200f/05\u200f/2023، أي قبل أكثر من 730 يومًا.");
        Flag round = flag("STALE_EVIDENCE", """
                {"records":[%s],"areas":["Kampala"],"asOf":"2023-06-01","limitDays":730}""".formatted(record("ROUND", "Kampala 2023")));
        assertThat(en(round))
                .isEqualTo("The latest checklist round of Kampala, “Kampala 2023”, was published on Jun 1, 2023, more"
                        + " than 730 days ago.");
        assertThat(ar(round))
                .isEqualTo("نُشرت آخر جولة من قائمة التحقق في Kampala، «Kampala 2023»، في 01\u200f/06\u200f/2023، أي"
                        + " قبل أكثر من 730 يومًا.");
        Flag need = flag("STALE_EVIDENCE", """
                {"records":[%s],"sectors":["HEALTH"],"groups":["REFUGEES"],"areas":["Kampala"],"asOf":"2024-01-15","limitDays":365}""".formatted(record("NEED", "Clinic referrals refused")));
        assertThat(en(need))
                .isEqualTo("Need “Clinic referrals refused” was validated on Jan 15, 2024 and has not been reviewed for"
                        + " more than 365 days.");
        assertThat(Wording.finding(page(Locale.FRENCH), need))
                .startsWith("Le besoin « Clinic referrals refused » a été validé le");
    }

    @Test
    void aDisaggregationGapNamesTheKnownDimensionsInTheLanguageAndOthersAsTheyAre() {
        Flag f = flag("DISAGGREGATION_GAP", """
                {"records":[%s],"groups":["IDPS"],"areas":["Kampala"],"missing":["SEX","AGE_BAND","ETHNICITY"]}""".formatted(record("POPULATION_ESTIMATE", "IDPS, Kampala, 2026-03-01")));
        assertThat(en(f))
                .isEqualTo("The latest estimate for Internally displaced people in Kampala is not broken down by sex,"
                        + " age, and ETHNICITY.");
        assertThat(ar(f)).isEqualTo("النازحون داخليًا في Kampala: آخر تقدير غير مصنَّف حسب الجنس والعمر وETHNICITY.");
    }

    @Test
    void aTransitionGapWithTheEndDateOrWithout() {
        String records = record("ACTION", "Emergency shelter") + "," + record("NEED", "Families without shelter");
        Flag dated = flag("TRANSITION_GAP", """
                {"records":[%s],"dueOn":"2026-12-31","limitDays":90}""".formatted(records));
        assertThat(en(dated))
                .isEqualTo("Humanitarian action “Emergency shelter” ends on Dec 31, 2026 while need “Families without"
                        + " shelter” is still open, and no development action carries it on.");
        assertThat(ar(dated))
                .isEqualTo("ينتهي الإجراء الإنساني «Emergency shelter» في 31\u200f/12\u200f/2026 بينما لا يزال الاحتياج"
                        + " «Families without shelter» مفتوحًا، ولا يوجد إجراء تنموي يواصله.");
        Flag ended = flag("TRANSITION_GAP", """
                {"records":[%s],"limitDays":90}""".formatted(records));
        assertThat(en(ended))
                .isEqualTo("Humanitarian action “Emergency shelter” has ended while need “Families without shelter” is"
                        + " still open, and no development action carries it on.");
        assertThat(ar(ended))
                .isEqualTo(
                        "انتهى الإجراء الإنساني «Emergency shelter» بينما لا يزال الاحتياج «Families without shelter»"
                                + " مفتوحًا، ولا يوجد إجراء تنموي يواصله.");
    }

    @Test
    void aFrameworkCoverageGap() {
        Flag f = flag("FRAMEWORK_COVERAGE_GAP", """
                {"records":[%s],"frameworkItem":"GCM-15"}""".formatted(record("FORUM", "Kampala coordination forum")));
        assertThat(en(f)).isEqualTo("The forum prioritises GCM-15, but no action in its area is tagged with it.");
        assertThat(ar(f)).isEqualTo("يعطي المنتدى الأولوية للهدف GCM-15، لكن لا يوجد أي إجراء في نطاقه موسوم به.");
    }

    @Test
    void aChecklistRegression() {
        Flag f = flag("CHECKLIST_REGRESSION", """
                {"records":[%s,%s],"areas":["Kampala"],"recommendationCode":"R6","percentBefore":60,"percentAfter":45}""".formatted(
                        record("ROUND", "Kampala 2025"), record("ROUND", "Kampala 2026")));
        assertThat(en(f))
                .isEqualTo("In Kampala, the checklist score of recommendation R6 fell from 60% to 45% between the"
                        + " rounds “Kampala 2025” and “Kampala 2026”.");
        assertThat(ar(f))
                .isEqualTo("في Kampala، انخفضت درجة التوصية R6 في قائمة التحقق من 60\u200e%\u200e إلى 45\u200e%\u200e"
                        + " بين الجولتين «Kampala 2025» و«Kampala 2026».");
    }

    @Test
    void overlappingActionsAreWordedAsAPairOrAsAGroupOfAsManyAsTheFlagNames() {
        String parameters = """
                {"records":[%s,%s],"sectors":["HOUSING"],"groups":["REFUGEES"],"areas":["Kampala"]}""".formatted(record("ACTION", "City shelter"), record("ACTION", "NGO shelter"));
        assertThat(en(flag("OVERLAPPING_ACTIONS", parameters)))
                .startsWith("Actions “City shelter” and “NGO shelter” of different organisations overlap:")
                .endsWith("over the same period.");
        assertThat(en(flag("OVERLAPPING_ACTIONS", parameters, 2)))
                .isEqualTo(en(flag("OVERLAPPING_ACTIONS", parameters)));
        Flag group = flag("OVERLAPPING_ACTIONS", parameters, 45);
        assertThat(en(group))
                .startsWith("45 actions of different organisations overlap, each with at least one other:")
                .endsWith("Among them: “City shelter” and “NGO shelter”.");
        assertThat(ar(group)).contains("إجراءً لمنظمات مختلفة", "«City shelter»");
        // its page lists the records titled, then says how many more it names
        assertThat(org.arrival.web.flags.FlagView.records(page(Locale.ENGLISH), group))
                .extracting(org.arrival.web.flags.FlagView.NamedRecord::title)
                .containsExactly("City shelter", "NGO shelter", "43 more records of this flag, not listed here");
        assertThat(org.arrival.web.flags.FlagView.records(
                        page(Locale.ENGLISH), flag("OVERLAPPING_ACTIONS", parameters, 2)))
                .hasSize(2);
    }

    @Test
    void theParametersAreFlattenedToTheArgumentsTheTextsName() {
        Flag f = flag("SMALL_CITY_LEFT_OUT", """
                {"records":[%s,%s],"areas":["Arua","Kampala"],"estimated":12500,"checklistAction":"4.2",
                 "questionCodes":["4.2.e"],"frameworkItem":"GCM-15","registered":10,"asOf":"2026-03-01",
                 "limitDays":730,"missing":["SEX"],"recommendationCode":"R4","percentBefore":50,"percentAfter":40}""".formatted(record("ROUND", "Arua 2025"), record("PLAN", "Arua plan")));
        assertThat(f.severity()).isEqualTo("HIGH");
        assertThat(Wording.flatten(f.parameters()))
                .containsEntry("title", "Arua 2025")
                .containsEntry("otherTitle", "Arua plan")
                .containsEntry("round", "Arua 2025")
                .containsEntry("area", "Arua")
                .containsEntry("otherArea", "Kampala")
                .containsEntry("areas", List.of("Arua", "Kampala"))
                .containsEntry("checklistAction", "4.2")
                .containsEntry("questions", List.of("4.2.e"))
                .containsEntry("frameworkItem", "GCM-15")
                .containsEntry("registered", 10L)
                .containsEntry("estimated", 12500L)
                .containsEntry("asOf", "2026-03-01")
                .containsEntry("limitDays", 730)
                .containsEntry("missing", List.of("SEX"))
                .containsEntry("recommendation", "R4")
                .containsEntry("percentBefore", 50)
                .containsEntry("percentAfter", 40);
    }

    @Test
    void aNotificationAboutAFlagIsWordedFromTheSameArguments() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("check", "UNDERCOUNT");
        parameters.put("summary", "The English summary.");
        parameters.put("groups", List.of("REFUGEES"));
        parameters.put("areas", List.of("Kampala"));
        parameters.put("registered", 100000);
        parameters.put("estimated", "300000");
        assertThat(Wording.body(page(Locale.ENGLISH), "CoherenceFlagRaised", parameters, "English"))
                .first()
                .isEqualTo("Refugees in Kampala: an estimated 300,000 people against 100,000 registered. Services"
                        + " funded on the registered figure fall short.");
        parameters.remove("registered");
        assertThat(Wording.body(page(Locale.ENGLISH), "CoherenceFlagRaised", parameters, "English"))
                .first()
                .isEqualTo("The English summary.");
    }

    @Test
    void aFlagWithoutParametersOrOfAnUnknownCheckKeepsItsEnglishSummary() {
        assertThat(en(flag("UNDERCOUNT", "null"))).isEqualTo("The English summary.");
        assertThat(en(flag("SOME_NEW_CHECK", "{\"areas\":[\"Kampala\"]}"))).isEqualTo("The English summary.");
        assertThat(Wording.aboutCheck(page(Locale.ENGLISH), "rule", "SOME_NEW_CHECK"))
                .isNull();
        assertThat(Wording.aboutCheck(page(ARABIC), "source", "MIGRANTS_MISSING_FROM_PLAN"))
                .isEqualTo("دليل موئل الأمم المتحدة، قائمة التحقق 2.1(c)");
    }
}
