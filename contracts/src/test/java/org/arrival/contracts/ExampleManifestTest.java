package org.arrival.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden examples are append-only: {@code examples/MANIFEST.sha256} pins each one. Together with
 * {@link GoldenExamplesTest} this makes a breaking schema change fail the build.
 */
class ExampleManifestTest {

    private static final Path MANIFEST = ContractFiles.EXAMPLES.resolve("MANIFEST.sha256");

    @Test
    void listedExamplesAreUnchangedAndEveryExampleIsListed() throws Exception {
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(MANIFEST, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+\\*?", 2);
            assertThat(parts)
                    .as("manifest line '%s' is '<sha256>  <path>'", line)
                    .hasSize(2);
            assertThat(listed.put(parts[1], parts[0]))
                    .as("%s listed twice", parts[1])
                    .isNull();
        }

        List<String> problems = new ArrayList<>();
        listed.forEach((path, hash) -> {
            Path file = ContractFiles.EXAMPLES.resolve(path);
            if (!Files.isRegularFile(file)) {
                problems.add(path + " was deleted; golden examples are append-only: restore it");
            } else if (!sha256(file).equals(hash)) {
                problems.add(path + " was changed; golden examples are append-only: restore it and add a new example"
                        + " (next number in its folder) instead of editing it");
            }
        });
        for (Path file : ContractFiles.list(ContractFiles.EXAMPLES, ".json")) {
            String path = ContractFiles.EXAMPLES.relativize(file).toString().replace('\\', '/');
            if (!listed.containsKey(path)) {
                problems.add(
                        path + " is not in examples/MANIFEST.sha256; add this line: " + sha256(file) + "  " + path);
            }
        }
        assertThat(problems).as("golden example manifest").isEmpty();
    }

    @Test
    void everyExampleLivesInAnEventTypeFolder() {
        List<Path> typeFolders = EventCatalogue.instance().eventTypes().stream()
                .map(t -> ContractFiles.ROOT.resolve(t.examples()))
                .toList();
        assertThat(ContractFiles.list(ContractFiles.EXAMPLES, ".json"))
                .allSatisfy(f -> assertThat(typeFolders).contains(f.getParent()));
    }

    /** Line endings are normalised so a checkout with CRLF conversion still matches. */
    static String sha256(Path file) {
        String text = new String(ContractFiles.bytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
