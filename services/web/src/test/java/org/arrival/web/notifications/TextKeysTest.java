package org.arrival.web.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.arrival.contracts.EventCatalogue;
import org.arrival.contracts.EventTypeDefinition;
import org.arrival.contracts.forum.CoherenceCheckCode;
import org.arrival.contracts.forum.FlagSeverity;
import org.arrival.web.layout.Messages;
import org.junit.jupiter.api.Test;

/**
 * The texts the notifications, as-of and flag pages name by a key built from a code (which {@code BundlesTest}
 * cannot see in the templates): every event type of the catalogue by name, what every notification code says,
 * every check's finding, rule, source and suggestion, every severity and what a flag may say is missing, every
 * channel, frequency and scope, every record type of the as-of changes.
 */
class TextKeysTest {

    static final Messages MESSAGES = new Messages();

    @Test
    void everyCodeHasItsText() {
        for (EventTypeDefinition type : EventCatalogue.instance().eventTypes()) {
            assertHas("eventType." + type.simpleName());
            assertHas("notification." + type.simpleName() + ".title");
        }
        EventTypes.groups().forEach(g -> assertHas("eventTypes.group." + g.part()));
        assertHas("notification.RecordChanged.title");
        for (CoherenceCheckCode check : CoherenceCheckCode.values()) {
            assertHas("flag." + check.name());
            assertHas("flag.rule." + check.name());
            assertHas("flag.source." + check.name());
            assertHas("flag.suggestion." + check.name());
        }
        for (FlagSeverity severity : FlagSeverity.values()) {
            assertHas("label.FlagSeverity." + severity.name());
        }
        for (String missing :
                List.of("MIGRANTS_NAMED", "MIGRANTS_BUDGETED", "STAFF_TRAINED", "SEX", "AGE_BAND", "DISABILITY")) {
            assertHas("label.FlagMissing." + missing);
        }
        for (String channel : List.of("IN_APP", "EMAIL", "WEBHOOK")) {
            assertHas("subscriptions.channel." + channel);
        }
        for (String frequency : List.of("IMMEDIATE", "DAILY_DIGEST")) {
            assertHas("subscriptions.frequency." + frequency);
        }
        for (String scope : List.of("USER", "ORGANISATION")) {
            assertHas("subscriptions.scope." + scope);
        }
        for (String done : List.of("saved", "ended")) {
            assertHas("subscriptions.done." + done);
        }
        for (String type : org.arrival.web.asof.AsOfPageKeys.recordTypes()) {
            assertHas("asof.recordType." + type);
            assertHas("asof.untitled." + type);
        }
        assertHas("asof.recordType.RECORD");
    }

    private static void assertHas(String key) {
        for (String lang : List.of("en", "fr", "es", "ar")) {
            assertThat(MESSAGES.pattern(Locale.forLanguageTag(lang), key))
                    .as("%s in %s", key, lang)
                    .isNotBlank();
        }
    }
}
