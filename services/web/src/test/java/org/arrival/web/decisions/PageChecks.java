package org.arrival.web.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What these pages promise every reader, checked on their HTML: the language and its direction, one main heading
 * and no skipped heading level, every field named by a label, ids unique, every table's header cells scoped.
 */
public final class PageChecks {

    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>");
    private static final Pattern HEADING = Pattern.compile("<h([1-6])\\b");
    private static final Pattern TH = Pattern.compile("<th\\b([^>]*)>");

    private PageChecks() {}

    public static void accessible(String html, String lang, String dir) {
        assertThat(html).contains("<html lang=\"" + lang + "\" dir=\"" + dir + "\">");
        Set<String> ids = new HashSet<>();
        Matcher id = ID.matcher(html);
        while (id.find()) {
            assertThat(ids.add(id.group(1))).as("id %s is unique", id.group(1)).isTrue();
        }
        Matcher field = FIELD.matcher(html);
        while (field.find()) {
            String attributes = field.group(2);
            if (attributes.contains("type=\"hidden\"") || attributes.contains("type=\"submit\"")) {
                continue;
            }
            Matcher fieldId = ID.matcher(" " + attributes);
            assertThat(fieldId.find())
                    .as("a %s has an id: %s", field.group(1), attributes)
                    .isTrue();
            assertThat(html)
                    .as("a label names %s", fieldId.group(1))
                    .contains("<label for=\"" + fieldId.group(1) + "\"");
        }
        Matcher heading = HEADING.matcher(html);
        int previous = 0;
        int mains = 0;
        while (heading.find()) {
            int level = Integer.parseInt(heading.group(1));
            if (level == 1) {
                mains++;
            }
            assertThat(level).as("no heading level is skipped").isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
        assertThat(mains).as("one main heading").isEqualTo(1);
        Matcher th = TH.matcher(html);
        while (th.find()) {
            assertThat(th.group(1)).as("a header cell says what it heads").contains("scope=\"");
        }
    }
}
