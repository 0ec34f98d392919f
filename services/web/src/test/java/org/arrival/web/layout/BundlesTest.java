package org.arrival.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text in every language: each bundle has every key of its English file with the same arguments and a
 * pattern that parses; every enum of the contracts has a label; every text a template asks for exists.
 */
class BundlesTest {

    static final List<String> LANGUAGES = List.of("fr", "es", "ar");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\w+)\\s*[,}]");

    @Test
    void everyLanguageHasEveryKeyWithTheSameArguments() throws IOException {
        List<String> basenames = Messages.basenames();
        assertThat(basenames).contains("messages/labels", "messages/layout", "messages/forums");
        for (String basename : basenames) {
            Properties en = load(basename + ".properties");
            assertThat(en).as(basename).isNotEmpty();
            for (String lang : LANGUAGES) {
                Properties other = load(basename + "_" + lang + ".properties");
                assertThat(other.stringPropertyNames())
                        .as("keys of %s in %s", basename, lang)
                        .isEqualTo(en.stringPropertyNames());
                for (String key : en.stringPropertyNames()) {
                    String text = other.getProperty(key);
                    assertThat(text).as("%s in %s", key, lang).isNotBlank();
                    assertThat(arguments(text))
                            .as("arguments of %s in %s", key, lang)
                            .isEqualTo(arguments(en.getProperty(key)));
                    new MessageFormat(text, ULocale.forLanguageTag(lang)); // throws if the pattern is broken
                }
            }
        }
    }

    @Test
    void everyEnumOfTheContractsHasALabel() throws Exception {
        Properties labels = load("messages/labels.properties");
        List<Class<?>> enums = new ArrayList<>();
        for (Resource r :
                new PathMatchingResourcePatternResolver().getResources("classpath*:org/arrival/contracts/**/*.class")) {
            String path = r.getURL().toString();
            String name = path.substring(path.indexOf("org/arrival/contracts/"))
                    .replace(".class", "")
                    .replace('/', '.');
            if (name.contains("$")) {
                continue;
            }
            Class<?> type = Class.forName(name);
            if (type.isEnum()) {
                enums.add(type);
            }
        }
        assertThat(enums)
                .extracting(Class::getSimpleName)
                .contains(
                        "Sector",
                        "PopulationGroup",
                        "ActionStatus",
                        "FlagStatus",
                        "CoherenceCheckCode",
                        "Rag",
                        "DataClassification");
        for (Class<?> type : enums) {
            for (Object constant : type.getEnumConstants()) {
                String key = "label." + type.getSimpleName() + "." + ((Enum<?>) constant).name();
                assertThat(labels.getProperty(key)).as(key).isNotBlank();
            }
        }
    }

    @Test
    void everyTextATemplateAsksForExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String basename : Messages.basenames()) {
            keys.addAll(load(basename + ".properties").stringPropertyNames());
        }
        Set<String> used = new TreeSet<>();
        Set<String> kinds = new TreeSet<>();
        Pattern text = Pattern.compile("page\\.t\\(\"([^\"]+)\"");
        Pattern label = Pattern.compile("page\\.label\\(\"([A-Za-z]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(
                            p -> p.toString().endsWith(".jte") || p.toString().endsWith(".java"))
                    .toList()) {
                String source = Files.readString(file);
                collect(text, source, used);
                collect(label, source, kinds);
            }
        }
        assertThat(used).hasSizeGreaterThan(80);
        // keys built from a prefix ("problem." + kind) are checked where their values are known
        for (String key : used) {
            if (!key.endsWith(".")) {
                assertThat(keys).as("the text %s a template uses", key).contains(key);
            }
        }
        for (String kind : kinds) {
            assertThat(keys).as("labels of %s", kind).anyMatch(k -> k.startsWith("label." + kind + "."));
        }
        for (var kind : org.arrival.web.problems.ProblemPages.Kind.values()) {
            assertThat(keys).contains("problem." + kind.key() + ".title", "problem." + kind.key() + ".explain");
        }
        for (var service : org.arrival.web.api.Service.values()) {
            assertThat(keys).contains("service." + service.name());
        }
        for (String sort : org.arrival.web.forums.TrackerFilter.SORTS) {
            assertThat(keys).contains("filters.sort." + sort);
        }
    }

    @Test
    void pluralsFollowEachLanguagesRules() {
        Messages messages = new Messages();
        assertThat(messages.text(Locale.ENGLISH, "tracker.overdueDays", java.util.Map.of("count", 1)))
                .isEqualTo("Report overdue by 1 day");
        assertThat(messages.text(Locale.ENGLISH, "tracker.overdueDays", java.util.Map.of("count", 21)))
                .isEqualTo("Report overdue by 21 days");
        assertThat(messages.text(Locale.FRENCH, "tracker.overdueDays", java.util.Map.of("count", 1)))
                .isEqualTo("Rapport en retard de 1 jour");
        assertThat(messages.text(Locale.forLanguageTag("ar"), "tracker.overdueDays", java.util.Map.of("count", 2)))
                .isEqualTo("التقرير متأخر يومين");
        // a French apostrophe is text, not ICU quoting
        assertThat(messages.text(Locale.FRENCH, "label.PlanType.MUNICIPAL_ACTION_PLAN", java.util.Map.of()))
                .isEqualTo("Plan d'action municipal");
    }

    private static void collect(Pattern pattern, String source, Set<String> into) {
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    static Set<String> arguments(String pattern) {
        Set<String> names = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
