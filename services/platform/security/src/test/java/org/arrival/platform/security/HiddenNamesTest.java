package org.arrival.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hidden organisations' names taken out of typed text: for generated names and texts across Latin, Greek, Cyrillic
 * and Arabic letters, no name is left as a whole word in any casing, text without names is left as it is, and words
 * that merely contain a name are left alone.
 */
class HiddenNamesTest {

    // letters whose lower and upper case are one character each, so the test's own case folding is exact
    private static final String LETTERS =
            "abcdefghijklmnopqrstuvwxyzéèàçüöñøåαβγδεζηθλμπρστφωабвгдежзиклмнопрстуфюяبتثجحخدذرزسشصضطظعغفقكلمنهوي";

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings()
                .withChars(LETTERS.toCharArray())
                .ofMinLength(1)
                .ofMaxLength(7);
    }

    @Provide
    Arbitrary<List<String>> wordLists() {
        return words().list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> word = words().filter(w -> w.length() >= 2);
        return Arbitraries.oneOf(
                word,
                word.list().ofMinSize(2).ofMaxSize(4).map(ws -> String.join(" ", ws)),
                Combinators.combine(word, word).as((a, b) -> a + "'s " + b),
                Combinators.combine(word, word).as((a, b) -> a + " (" + b.toUpperCase(Locale.ROOT) + ")"));
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "  ", ", ", ". ", "\n", " - ", " (", ") ", ": ", "\u00A0", "; ", " « ", " » ");
    }

    /** Some filler words and the names, in random casing, between separators. */
    @Provide
    Arbitrary<TextWithNames> textsWithNames() {
        return Combinators.combine(
                        names().list().ofMinSize(1).ofMaxSize(3),
                        words().list().ofMaxSize(12),
                        separators().list().ofMinSize(16).ofMaxSize(16),
                        Arbitraries.randoms())
                .as((names, fillers, seps, random) -> {
                    List<String> parts = new ArrayList<>(fillers);
                    for (String name : names) {
                        int copies = 1 + random.nextInt(2);
                        for (int c = 0; c < copies; c++) {
                            parts.add(random.nextInt(parts.size() + 1), randomCase(name, random));
                        }
                    }
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < parts.size(); i++) {
                        text.append(parts.get(i)).append(seps.get(i % seps.size()));
                    }
                    return new TextWithNames(names, text.toString());
                });
    }

    record TextWithNames(List<String> names, String text) {}

    @Property
    void theRedactedTextNeverHoldsAHiddenNameInAnyCasing(@ForAll("textsWithNames") TextWithNames t) {
        String redacted = HiddenNames.of(t.names()).redactText(t.text());
        for (String name : t.names()) {
            assertThat(holdsAsWholeWord(redacted, name))
                    .as("%s in %s", name, redacted)
                    .isFalse();
        }
        assertThat(redacted).contains(HiddenNames.PLACEHOLDER);
    }

    @Property
    void textWithoutTheNamesIsUnchanged(
            @ForAll("names") String name, @ForAll("wordLists") List<String> words, @ForAll("separators") String sep) {
        String text = String.join(sep, words);
        Assume.that(!text.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)));
        assertThat(HiddenNames.of(List.of(name)).redactText(text)).isEqualTo(text);
    }

    @Property
    void aWordHoldingANameAsAPartIsUnchanged(
            @ForAll("words") String name,
            @ForAll("words") String before,
            @ForAll("words") String after,
            @ForAll boolean prefix,
            @ForAll boolean suffix) {
        Assume.that(prefix || suffix);
        String word = (prefix ? before : "") + name.toUpperCase(Locale.ROOT) + (suffix ? after : "");
        String text = "the " + word + ", again " + word;
        Assume.that(!("the".equalsIgnoreCase(name) || "again".equalsIgnoreCase(name)));
        assertThat(HiddenNames.of(List.of(name)).redactText(text)).isEqualTo(text);
    }

    @Example
    void aChairTypingTheAssociationsNameLeavesAPlaceholder() {
        HiddenNames hidden = HiddenNames.of(List.of("Umoja Refugee Association", "URA"));
        assertThat(hidden.redact("Umoja Refugee Association will gather residents' views; URA reports in May."))
                .isEqualTo("[…] will gather residents' views; […] reports in May.");
        assertThat(hidden.redact("UMOJA refugee\nassociation and ura")).isEqualTo("[…] and […]");
        assertThat(hidden.redact("Curated by the aura of Uranus")).isEqualTo("Curated by the aura of Uranus");
    }

    @Example
    void theLongestNameGoesFirst() {
        HiddenNames hidden = HiddenNames.of(List.of("Umoja", "Umoja Refugee Association"));
        assertThat(hidden.redact("Umoja Refugee Association, also called Umoja."))
                .isEqualTo("[…], also called […].");
    }

    @Example
    void namesWithPunctuationAndOtherScripts() {
        HiddenNames hidden = HiddenNames.of(List.of("Women's Voice (WV)", "Écoute Exil", "جمعية الأمل", "(WV)"));
        assertThat(hidden.redact("Women’s Voice (WV) and (wv) and WV")).isEqualTo("[…] and […] and WV");
        String decomposed = Normalizer.normalize("l'ÉCOUTE EXIL, écoute exilée", Normalizer.Form.NFD);
        assertThat(hidden.redact(decomposed))
                .isEqualTo(Normalizer.normalize("l'[…], écoute exilée", Normalizer.Form.NFD));
        assertThat(hidden.redact("اجتماع مع جمعية الأمل غدا")).isEqualTo("اجتماع مع […] غدا");
        assertThat(hidden.redact("Umoja_Refugee")).isEqualTo("Umoja_Refugee");
    }

    @Example
    void onlyAnEnforcementBodyHasNamesHiddenFromIt() {
        UUID hiddenOrg = UUID.randomUUID();
        UUID otherOrg = UUID.randomUUID();
        Map<UUID, List<String>> names = Map.of(hiddenOrg, List.of("Umoja", "URA"), otherOrg, List.of("City Council"));
        Caller caller = new Caller("u", "u", UUID.randomUUID(), Set.of());
        Viewer police = new Viewer(caller, true, Set.of(), Set.of(hiddenOrg));
        Viewer member = new Viewer(caller, false, Set.of(), Set.of(hiddenOrg));
        String text = "Umoja and the City Council; URA";
        assertThat(HiddenNames.from(police, names).redact(text)).isEqualTo("[…] and the City Council; […]");
        assertThat(HiddenNames.from(member, names).redact(text)).isEqualTo(text);
        assertThat(HiddenNames.from(member, names).isEmpty()).isTrue();
        assertThat(HiddenNames.of(List.of(" ", "")).isEmpty()).isTrue();
        assertThat(HiddenNames.of(List.of("Umoja")).redact(null)).isNull();
    }

    private static String randomCase(String name, java.util.Random random) {
        StringBuilder s = new StringBuilder();
        name.codePoints()
                .forEach(cp -> s.appendCodePoint(
                        random.nextBoolean() ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
        return s.toString();
    }

    /** The test's own check, independent of the class's pattern: the name, folded, between non-letters. */
    private static boolean holdsAsWholeWord(String text, String name) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String n = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (int at = t.indexOf(n); at >= 0; at = t.indexOf(n, at + 1)) {
            boolean startsWord =
                    at == 0 || !Character.isLetterOrDigit(t.charAt(at - 1)) || !Character.isLetterOrDigit(n.charAt(0));
            int end = at + n.length();
            boolean endsWord = end == t.length()
                    || !Character.isLetterOrDigit(t.charAt(end))
                    || !Character.isLetterOrDigit(n.charAt(n.length() - 1));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }
}
