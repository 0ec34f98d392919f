package org.arrival.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The screen every free-text field passes before it is stored: Arrival keeps no personal data about the people it
 * is about, so text that looks like a way to reach or identify a person is refused. It looks for e-mail addresses,
 * phone numbers (international, local with a trunk 0, or after a word such as "tel"), numbers of identity documents
 * (passport, national ID, refugee or asylum registration; by their shape or after such a word) and a date of birth
 * (after "born", "date of birth" and the like). It is tuned to refuse little ordinary prose: years, amounts, ranges,
 * dates on their own, article and resolution numbers and area codes pass.
 */
public final class PersonalDataScreen {

    /** What was found; a code for the web application's wording and a sentence for API clients. */
    public enum Finding {
        EMAIL("an e-mail address"),
        PHONE("a phone number"),
        DOCUMENT_NUMBER("an identity document number"),
        DATE_OF_BIRTH("a date of birth");

        private final String description;

        Finding(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public String code() {
            return "personal-data." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");

    /** A run of digits with the separators people write phone numbers with, starting with + or a trunk 0. */
    private static final Pattern PHONE_RUN =
            Pattern.compile("(?<![\\p{L}\\p{N}/.,-])(\\+|00|\\(0|0)[\\d\\s().-]{7,22}\\d(?![\\p{L}\\p{N}])");

    private static final Pattern PHONE_WORD = Pattern.compile(
            "(?<!\\p{L})(tel|tél|phone|telephone|téléphone|teléfono|telefono|mobile|mob|cell|cellphone|portable|"
                    + "móvil|movil|celular|whatsapp|هاتف|جوال|موبايل)\\.?\\s*(no\\.?|number|nº|n°|:|#)?\\s*:?\\s*"
                    + "\\+?\\d[\\d\\s().-]{5,20}\\d",
            FLAGS);

    private static final String DOCUMENT_WORDS = "passport|passeport|pasaporte|جواز(?:\\s+السفر)?|national\\s+id|"
            + "national\\s+identity(?:\\s+card)?|identity\\s+card|id\\s+card|id\\s+no|id\\s+number|identification\\s+number|"
            + "nin|carte\\s+d['’]identit[ée]|cni|dni|c[ée]dula|documento\\s+de\\s+identidad|refugee\\s+id|"
            + "refugee\\s+(?:card|number|no)|asylum\\s+(?:seeker\\s+)?(?:card|number|no)|attestation|"
            + "proof\\s+of\\s+registration|individual\\s+(?:number|no)|case\\s+(?:number|no)|progres(?:\\s+id)?|"
            + "unhcr\\s+(?:id|number|no)|registration\\s+(?:number|no)|num[ée]ro\\s+d['’]enregistrement|"
            + "n[úu]mero\\s+de\\s+registro|بطاقة\\s+(?:الهوية|لاجئ)|رقم\\s+(?:الهوية|التسجيل|الجواز)";

    private static final Pattern DOCUMENT_WORD = Pattern.compile(
            "(?<!\\p{L})(" + DOCUMENT_WORDS + ")"
                    + "\\s*(no\\.?|number|nº|n°|num[ée]ro|número|#|:)?\\s*:?\\s*([A-Z]{0,4}[-/ ]?\\d[\\dA-Z/ -]{3,18}[\\dA-Z])",
            FLAGS);

    /**
     * Shapes of document numbers on their own: letters then six to ten digits (passports, A1234567); Uganda's NIN
     * (CM/CF and twelve characters); UNHCR registration numbers (123-12345678, 123-18C00123, UGA-12345678).
     */
    private static final Pattern DOCUMENT_SHAPE = Pattern.compile("(?<![\\p{L}\\p{N}-])("
            + "[A-Z]{1,2}\\d{6,10}"
            + "|C[MF][A-Z0-9]{12}"
            + "|\\d{3}-\\d{2}[A-Z]\\d{5,6}"
            + "|\\d{3}-\\d{8}"
            + "|[A-Z]{3}-\\d{6,10}"
            + ")(?![\\p{L}\\p{N}-])");

    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
            + "aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|f[ée]vrier|mars|avril|"
            + "mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|"
            + "julio|agosto|septiembre|octubre|noviembre|diciembre|يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|"
            + "سبتمبر|أكتوبر|نوفمبر|ديسمبر";

    private static final String FULL_DATE = "(\\d{1,2}[/.-]\\d{1,2}[/.-](\\d{4}|\\d{2})"
            + "|\\d{4}-\\d{1,2}-\\d{1,2}"
            + "|\\d{1,2}(st|nd|rd|th)?\\s+(de\\s+)?(" + MONTHS + ")\\.?,?\\s+(de\\s+)?\\d{4}"
            + "|(" + MONTHS + ")\\.?\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4})";

    private static final Pattern BIRTH = Pattern.compile(
            "(?<!\\p{L})(born|b\\.|date\\s+of\\s+birth|birth\\s*date|"
                    + "d\\.?o\\.?b\\.?|n[ée]e?\\s+le|date\\s+de\\s+naissance|nacid[oa]\\s+el|fecha\\s+de\\s+nacimiento|"
                    + "تاريخ\\s+الميلاد|مواليد|وُ?لد(?:ت)?)\\s*(on|:)?\\s*:?\\s*" + FULL_DATE,
            FLAGS);

    private PersonalDataScreen() {}

    /** The first kind of personal data the text seems to hold, if any. */
    public static Optional<Finding> screen(String text) {
        List<Finding> all = findings(text, true);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    /** The first finding other than contact details (e-mail, phone), for fields that hold an office's contact. */
    public static Optional<Finding> screenAllowingContact(String text) {
        return findings(text, false).stream().findFirst();
    }

    private static List<Finding> findings(String text, boolean contact) {
        List<Finding> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        // the most specific first: a number after "passport" is a document number even if it could be dialled
        if (hasDocumentNumber(text)) {
            found.add(Finding.DOCUMENT_NUMBER);
        }
        if (BIRTH.matcher(text).find()) {
            found.add(Finding.DATE_OF_BIRTH);
        }
        if (contact && EMAIL.matcher(text).find()) {
            found.add(Finding.EMAIL);
        }
        if (contact && (PHONE_WORD.matcher(text).find() || hasPhoneRun(text))) {
            found.add(Finding.PHONE);
        }
        return found;
    }

    private static boolean hasPhoneRun(String text) {
        Matcher m = PHONE_RUN.matcher(text);
        while (m.find()) {
            String run = m.group();
            long digits = run.chars().filter(Character::isDigit).count();
            boolean international = run.startsWith("+") || run.startsWith("00");
            if (digits >= 9
                    && digits <= 15
                    && !looksLikeDate(run)
                    && (international || run.startsWith("0") || run.startsWith("(0"))) {
                return true;
            }
        }
        return false;
    }

    /** 0.5, 01.02.2026 or 02-03-2026 start with a 0 but are not phone numbers. */
    private static boolean looksLikeDate(String run) {
        return run.matches("0\\d?[./-]\\d{1,2}[./-]\\d{2,4}.*") || run.matches("0[.,]\\d+.*");
    }

    private static boolean hasDocumentNumber(String text) {
        Matcher word = DOCUMENT_WORD.matcher(text);
        while (word.find()) {
            String number = word.group(3);
            if (number.chars().filter(Character::isDigit).count() >= 5) {
                return true;
            }
        }
        return DOCUMENT_SHAPE.matcher(text).find();
    }
}
