package org.arrival.notifications.texts;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventTypeDefinition;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.CoherenceFlagParameters;
import org.arrival.contracts.forum.FlaggedRecord;
import org.arrival.contracts.forum.FlaggedRecordKind;
import org.arrival.notifications.routing.Wording;
import org.junit.jupiter.api.Test;

/**
 * Every text of e-mails and digests in every language: each bundle has every key of its English file, with the same
 * arguments and a pattern that parses; every event of the catalogue has its words; every code a notification names
 * has a label in every language; and the words come out in French, Spanish and Arabic, with their plurals.
 */
class TextsBundlesTest {

    static final List<String> LANGUAGES = List.of("fr", "es", "ar");
    static final Texts TEXTS = new Texts(List.of("en", "fr", "es", "ar"));
    /** What the forum's checks say is missing: a plan's inclusion indicators, an estimate's breakdown dimensions. */
    static final List<String> MISSING =
            List.of("MIGRANTS_NAMED", "MIGRANTS_BUDGETED", "STAFF_TRAINED", "SEX", "AGE_BAND", "DISABILITY");

    @Test
    void everyLanguageHasEveryKeyWithTheSameArguments() throws IOException {
        for (String bundle : Texts.BUNDLES) {
            Properties en = load(bundle + ".properties");
            assertThat(en).as(bundle).isNotEmpty();
            for (String key : en.stringPropertyNames()) {
                new MessageFormat(en.getProperty(key), ULocale.ENGLISH);
            }
            for (String lang : LANGUAGES) {
                Properties other = load(bundle + "_" + lang + ".properties");
                assertThat(other.stringPropertyNames())
                        .as("keys of %s in %s", bundle, lang)
                        .isEqualTo(en.stringPropertyNames());
                for (String key : en.stringPropertyNames()) {
                    String text = other.getProperty(key);
                    assertThat(text).as("%s in %s", key, lang).isNotBlank();
                    new MessageFormat(text, ULocale.forLanguageTag(lang)); // throws if the pattern is broken
                    assertThat(Texts.argumentNames(text))
                            .as("arguments of %s in %s", key, lang)
                            .isEqualTo(Texts.argumentNames(en.getProperty(key)));
                }
            }
        }
    }

    @Test
    void everyEventOfTheCatalogueHasATitleAndEveryCheckAFinding() throws IOException {
        Properties en = load("messages/notifications.properties");
        for (EventTypeDefinition type : EventCatalogue.instance().eventTypes()) {
            assertThat(en.getProperty("notification." + type.simpleName() + ".title"))
                    .as(type.simpleName())
                    .isNotBlank();
        }
        assertThat(en.getProperty("notification.RecordChanged.title")).isNotBlank();
        for (CoherenceCheckCode check : CoherenceCheckCode.values()) {
            assertThat(en.getProperty("flag." + check.name())).as(check.name()).isNotBlank();
        }
    }

    @Test
    void everyCodeANotificationNamesHasALabelInEveryLanguage() throws Exception {
        Properties en = load("messages/labels.properties");
        Set<String> kinds = new TreeSet<>(Texts.LABELS.values());
        for (String kind : kinds) {
            List<String> codes = new ArrayList<>();
            if (kind.equals("ConsolidatedAnswer")) {
                codes.addAll(List.of("N", "S"));
            } else if (kind.equals("Missing")) {
                codes.addAll(MISSING);
            } else {
                Class<?> type = enumNamed(kind);
                for (Object constant : type.getEnumConstants()) {
                    codes.add(((Enum<?>) constant).name());
                }
            }
            for (String code : codes) {
                assertThat(en.getProperty("label." + kind + "." + code))
                        .as("label.%s.%s", kind, code)
                        .isNotBlank();
            }
        }
    }

    @Test
    void aReportOverdueIsWordedInEachReadersLanguageWithItsPlurals() {
        Notice overdue = new Notice(
                "ReportOverdue",
                Map.of(
                        "kind",
                        "ACTION",
                        "title",
                        "Evening legal clinic",
                        "organisation",
                        "Horizon Relief International",
                        "days",
                        2,
                        "dueOn",
                        "2026-10-15",
                        "periodStart",
                        "2026-07-01",
                        "periodEnd",
                        "2026-09-30"));
        assertThat(TEXTS.title(Locale.ENGLISH, overdue))
                .isEqualTo(
                        "A progress report on “Evening legal clinic” by Horizon Relief International is 2 days overdue");
        assertThat(TEXTS.body(Locale.ENGLISH, overdue))
                .isEqualTo("It was due on Oct 15, 2026 for the period Jul 1, 2026 to Sep 30, 2026.");
        assertThat(TEXTS.title(Locale.FRENCH, overdue))
                .isEqualTo(
                        "Le rapport d’avancement de Horizon Relief International sur « Evening legal clinic » a 2 jours de retard");
        assertThat(TEXTS.body(Locale.FRENCH, overdue)).contains("15 oct. 2026");
        assertThat(TEXTS.title(Locale.forLanguageTag("es"), overdue)).contains("lleva 2 días de retraso");
        // Arabic's dual
        assertThat(TEXTS.title(Locale.forLanguageTag("ar"), overdue))
                .contains("متأخر يومين")
                .contains("«Evening legal clinic»");
    }

    @Test
    void codesAreWordedAsLabelsAndMissingNamesAsTheirStandIns() {
        Notice report = new Notice(
                "ProgressReported",
                Map.of("kind", "ACTION", "percent", 40, "rag", "AMBER", "text", "Two of five desks are open."));
        assertThat(TEXTS.title(Locale.ENGLISH, report))
                .isEqualTo("An organisation reported 40% progress on an untitled action");
        assertThat(TEXTS.body(Locale.ENGLISH, report)).isEqualTo("Rating: At risk.\nTwo of five desks are open.");
        assertThat(TEXTS.body(Locale.FRENCH, report)).startsWith("Appréciation : À risque.");
        Notice comment = new Notice(
                "ContributionMade",
                Map.of(
                        "kind",
                        "ACTION",
                        "title",
                        "Desks",
                        "contributor",
                        "Refugee Law Project",
                        "contributionKind",
                        "OBJECTION"));
        assertThat(TEXTS.title(Locale.FRENCH, comment)).isEqualTo("Refugee Law Project a fait objection à « Desks »");
        // an unknown code reads as a change of the record
        assertThat(TEXTS.title(Locale.ENGLISH, new Notice("SomethingNew", Map.of("kind", "NEED", "title", "Shelter"))))
                .isEqualTo("Something changed on “Shelter”");
    }

    @Test
    void aFlagsFindingIsWordedFromItsParametersOrElseItsEnglishSummary() {
        UUID action = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of(
                "check", "OVERLAPPING_ACTIONS", "flagStatus", "OPEN", "summary", "Actions 'A' and 'B' overlap."));
        parameters.putAll(Wording.flatten(new CoherenceFlagParameters(
                List.of(
                        new FlaggedRecord(action, FlaggedRecordKind.ACTION, "Evening legal clinic"),
                        new FlaggedRecord(other, FlaggedRecordKind.ACTION, "Legal aid desk")),
                List.of(org.arrival.contracts.common.Sector.LEGAL_STATUS),
                List.of(org.arrival.contracts.common.PopulationGroup.REFUGEES),
                List.of("Katwe"),
                null,
                null,
                null,
                null,
                null)));
        Notice raised = new Notice("CoherenceFlagRaised", parameters);
        assertThat(TEXTS.title(Locale.FRENCH, raised))
                .isEqualTo("Un contrôle de cohérence a émis un signalement : Actions qui se chevauchent");
        assertThat(TEXTS.body(Locale.FRENCH, raised))
                .startsWith("Les actions « Evening legal clinic » et "
                        + "« Legal aid desk » d’organisations différentes se chevauchent :");
        assertThat(TEXTS.body(Locale.forLanguageTag("ar"), raised)).contains("«Evening legal clinic»", "متداخلان");
        // a group of overlapping actions, of which the parameters title the first
        parameters.put("recordCount", 45);
        Notice group = new Notice("CoherenceFlagRaised", parameters);
        assertThat(TEXTS.body(Locale.ENGLISH, group))
                .startsWith("45 actions of different organisations overlap, each with at least one other:")
                .endsWith("Among them: “Evening legal clinic” and “Legal aid desk”.");
        assertThat(TEXTS.body(Locale.forLanguageTag("es"), group))
                .startsWith("45 acciones de organizaciones distintas");
        // a flag raised before parameters were kept: its English finding
        Notice old = new Notice(
                "CoherenceFlagRaised",
                Map.of(
                        "check",
                        "ACTION_WITHOUT_FUNDING",
                        "flagStatus",
                        "OPEN",
                        "summary",
                        "Action 'Clinic' has no committed funding."));
        assertThat(TEXTS.body(Locale.FRENCH, old)).isEqualTo("Action 'Clinic' has no committed funding.");
    }

    @Test
    void digestsAreWordedInTheSubscribersLanguage() {
        LocalDate day = LocalDate.of(2026, 12, 5);
        assertThat(TEXTS.digestSubject(Locale.FRENCH, day, 1))
                .isEqualTo("Résumé quotidien Arrival du 5 déc. 2026 : 1 nouveauté");
        assertThat(TEXTS.digestSubject(Locale.forLanguageTag("es"), day, 3)).endsWith("3 novedades");
        assertThat(TEXTS.language("fr-CA")).isEqualTo(Locale.FRENCH);
        assertThat(TEXTS.language("de")).isEqualTo(Locale.ENGLISH);
        assertThat(TEXTS.supported("de")).isNull();
    }

    private static Class<?> enumNamed(String simpleName) throws ClassNotFoundException {
        for (String pkg : List.of("common", "actionplans", "assessments", "registry", "forum")) {
            try {
                return Class.forName("org.arrival.contracts." + pkg + "." + simpleName);
            } catch (ClassNotFoundException e) {
                // another package
            }
        }
        throw new ClassNotFoundException(simpleName);
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
