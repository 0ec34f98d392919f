package org.arrival.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.arrival.platform.web.PersonalDataScreen.Finding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The personal-data screen finds what identifies or reaches a person, and lets ordinary prose through: the demo
 * forum's texts and the source documents' paragraphs.
 */
class PersonalDataScreenTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Write to amina.yusuf@gmail.com for the list | EMAIL",
                "contact: j.okello@ngo-kampala.org | EMAIL",
                "Call her on 0772 123456 after 5 | PHONE",
                "Call 0772123456 | PHONE",
                "phone +256 772 123 456 | PHONE",
                "+256772123456 is the family's number | PHONE",
                "(0414) 123 456 | PHONE",
                "06 12 34 56 78 | PHONE",
                "tel: 772 123456 | PHONE",
                "WhatsApp 772123456 | PHONE",
                "Teléfono 0414 55 66 77 | PHONE",
                "Passport A1234567 seen at the border | DOCUMENT_NUMBER",
                "passport no. 12345678 | DOCUMENT_NUMBER",
                "holds passport number B 7654321 | DOCUMENT_NUMBER",
                "NIN CM91012345ABCD | DOCUMENT_NUMBER",
                "national ID 91012345 | DOCUMENT_NUMBER",
                "refugee ID 123-18C00123 | DOCUMENT_NUMBER",
                "the attestation 123-45678901 was lost | DOCUMENT_NUMBER",
                "UNHCR number UGA-12345678 | DOCUMENT_NUMBER",
                "her proof of registration no. 0045-123456 | DOCUMENT_NUMBER",
                "numéro de passeport : AB123456 | DOCUMENT_NUMBER",
                "Amina Yusuf, born 12 March 1991, lives in Kisenyi | DATE_OF_BIRTH",
                "John Okello (date of birth: 03/04/1988) | DATE_OF_BIRTH",
                "DOB 1990-02-03 | DATE_OF_BIRTH",
                "Fatuma, née le 4 juin 1992 | DATE_OF_BIRTH",
                "Pedro, fecha de nacimiento 5 de mayo de 1990 | DATE_OF_BIRTH",
                "أحمد، تاريخ الميلاد 12/03/1990 | DATE_OF_BIRTH",
            })
    void findsWhatIdentifiesOrReachesAPerson(String text, Finding expected) {
        assertThat(PersonalDataScreen.screen(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12 people a week, 0.5 km from the clinic",
                "Budget of UGX 1,500,000 for 2025-2026, disbursed on 2026-03-01",
                "About 100 000 registered refugees against 300 000 estimated",
                "Between 10-20 households per block; ages 0-4 and 5-17",
                "SDG 11.1 and target 10.7; Global Compact objective 15",
                "Resolution A/RES/73/195 and Article 31 of the 1951 Convention",
                "Area UG-102, plan KLA-KISENYI, IATI XM-DAC-41121",
                "Meeting on 12/03/2026 at 10:00 in room 0.12",
                "Children born in Kampala since 2016 need birth registration",
                "Version 2.03 of the standard; ISBN 978-92-1-133720-4",
                "Reported 01.02.2026, next due 02-03-2026",
                "Phase 2 of the NUP, 2020/21 to 2024/25",
                "Call for proposals closes 30 June 2026",
                "The national ID system excludes refugees",
            })
    void letsOrdinaryProseThrough(String text) {
        assertThat(PersonalDataScreen.screen(text)).isEmpty();
    }

    @Test
    void anOfficeContactMayHoldItsMailboxAndNumberButNothingAboutAPerson() {
        assertThat(PersonalDataScreen.screenAllowingContact("info@kcca.go.ug, +256 414 123456"))
                .isEmpty();
        assertThat(PersonalDataScreen.screenAllowingContact("passport A1234567"))
                .contains(Finding.DOCUMENT_NUMBER);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // a document number by its shape alone, with no word before it
                "A1234567 was seen at the border | DOCUMENT_NUMBER",
                "she holds 123-18C00123 | DOCUMENT_NUMBER",
                "on the list as 123-12345678 | DOCUMENT_NUMBER",
                "UGA-12345678 on the list | DOCUMENT_NUMBER",
                "CF1234567890AB | DOCUMENT_NUMBER",
                // after a document word, five digits are enough
                "passport: 12345 | DOCUMENT_NUMBER",
                // a phone number is nine to fifteen digits, with a trunk 0, 00 or +
                "0772 12345 | PHONE",
                "+256 772 123 456 789 | PHONE",
                "00256 772 123456 | PHONE",
                "+44 20 7946 0958 | PHONE",
                "(0414) 1234 56 | PHONE",
            })
    void findsTheEdgesOfEachKind(String text, Finding expected) {
        assertThat(PersonalDataScreen.screen(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // fewer than five digits after a document word
                "passport: 2 copies per family",
                "passport: 1234A",
                // eight digits, or sixteen, are no phone number
                "0772 1234",
                "+256 772 123 456 7890",
                // a run of dates or of fractions starting with 0
                "Open 01.02.2026 - 5.3.2026",
                "shares 0.5 0.25 0.125 0.0625",
                // shapes that touch letters or digits are part of something else
                "ref XA1234567B",
                "",
                "   ",
            })
    void passesWhatOnlyLooksLikeIt(String text) {
        assertThat(PersonalDataScreen.screen(text)).isEmpty();
        assertThat(PersonalDataScreen.screenAllowingContact(text)).isEmpty();
    }

    @Test
    void noTextHoldsNothing() {
        assertThat(PersonalDataScreen.screen(null)).isEmpty();
        assertThat(PersonalDataScreen.screenAllowingContact(null)).isEmpty();
    }

    @Test
    void theMostSpecificFindingComesFirstAndContactOnlyCountsWhereItIsNotAllowed() {
        String all = "passport A1234567, born 12 March 1991, amina@gmail.com, 0772 123456";
        assertThat(PersonalDataScreen.screen(all)).contains(Finding.DOCUMENT_NUMBER);
        assertThat(PersonalDataScreen.screen("born 12 March 1991, amina@gmail.com, 0772 123456"))
                .contains(Finding.DATE_OF_BIRTH);
        assertThat(PersonalDataScreen.screen("amina@gmail.com, 0772 123456")).contains(Finding.EMAIL);
        assertThat(PersonalDataScreen.screenAllowingContact("born 12 March 1991, amina@gmail.com"))
                .contains(Finding.DATE_OF_BIRTH);
        assertThat(PersonalDataScreen.screenAllowingContact("tel 0772 123456")).isEmpty();
        assertThat(PersonalDataScreen.screenAllowingContact("0772 123456")).isEmpty();
    }

    @Test
    void eachFindingHasACodeAndASentence() {
        assertThat(Finding.EMAIL.code()).isEqualTo("personal-data.email");
        assertThat(Finding.DATE_OF_BIRTH.code()).isEqualTo("personal-data.date-of-birth");
        assertThat(Finding.DOCUMENT_NUMBER.code()).isEqualTo("personal-data.document-number");
        assertThat(Finding.PHONE.description()).isEqualTo("a phone number");
        assertThat(Finding.DATE_OF_BIRTH.description()).isEqualTo("a date of birth");
    }

    @Test
    void theDemoForumsTextsPass() throws IOException {
        Path demo = root().resolve("infra/local/src/main/java/org/arrival/local");
        List<String> flagged = new ArrayList<>();
        int screened = 0;
        // every JSON string value in the demo's request bodies, except the fields that hold an office's contact
        Pattern value = Pattern.compile("\\\\?\"([a-zA-Z]+)\\\\?\"\\s*:\\s*\\\\?\"((?:[^\"\\\\]|\\\\.)*?)\\\\?\"");
        try (Stream<Path> files = Files.list(demo)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("Demo"))
                    .toList()) {
                Matcher m = value.matcher(Files.readString(file));
                while (m.find()) {
                    if (List.of("email", "address", "website", "phone", "url").contains(m.group(1))) {
                        continue;
                    }
                    screened++;
                    if (PersonalDataScreen.screen(m.group(2)).isPresent()) {
                        flagged.add(file.getFileName() + ": " + m.group(2));
                    }
                }
            }
        }
        assertThat(screened).isGreaterThan(200);
        assertThat(flagged).isEmpty();
    }

    /**
     * The source documents' prose (some 1,600 paragraphs about migration, cities and policy) is the kind of text
     * members write; the screen must leave it alone. They are not part of the repository: they sit beside it, in
     * {@code ../shared/seeds} (or where {@code ARRIVAL_SEEDS_DIR} says); without them this check is skipped.
     */
    @Test
    void theSourceDocumentsProsePasses() throws IOException {
        String configured = System.getenv("ARRIVAL_SEEDS_DIR");
        Path seeds = configured != null
                ? Path.of(configured)
                : root().resolveSibling("shared").resolve("seeds");
        Assumptions.assumeTrue(Files.isDirectory(seeds), "no source documents at " + seeds);
        List<String> paragraphs = new ArrayList<>();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                for (String p : Files.readString(file).split("\\n\\s*\\n|\\n")) {
                    if (!p.isBlank()) {
                        paragraphs.add(p.strip());
                    }
                }
            }
        }
        List<String> flagged = paragraphs.stream()
                .filter(p -> PersonalDataScreen.screen(p).isPresent())
                .toList();
        assertThat(paragraphs).hasSizeGreaterThan(1000);
        // the one true finding is the publisher's address block with its switchboard number; nothing else is refused
        assertThat(flagged)
                .as("paragraphs refused")
                .allMatch(p -> p.contains("Tel:"))
                .hasSizeLessThanOrEqualTo(1);
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
