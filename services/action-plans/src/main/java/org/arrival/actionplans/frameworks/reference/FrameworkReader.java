package org.arrival.actionplans.frameworks.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.arrival.actionplans.frameworks.domain.Framework;
import org.arrival.actionplans.frameworks.domain.FrameworkCatalogue;
import org.arrival.actionplans.frameworks.domain.FrameworkItem;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the framework catalogue YAML and validates it: every code matches the contract's pattern, belongs to a
 * declared framework, is unique and has a title; an action's parent recommendation exists. Every problem is
 * reported at once.
 */
public final class FrameworkReader {

    public static final String BUNDLED = "frameworks/catalogue.v1.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private FrameworkReader() {}

    public static FrameworkCatalogue bundled() {
        InputStream in = FrameworkReader.class.getClassLoader().getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new IllegalStateException("framework catalogue " + BUNDLED + " is missing");
        }
        return read(BUNDLED, in);
    }

    public static FrameworkCatalogue read(String name, InputStream in) {
        Document doc;
        try (in) {
            doc = YAML.readValue(in, Document.class);
        } catch (JacksonException | IOException e) {
            throw new IllegalStateException("framework catalogue " + name + " cannot be read: " + e.getMessage(), e);
        }
        if (doc == null) {
            throw new IllegalStateException("framework catalogue " + name + " is empty");
        }
        List<String> problems = new ArrayList<>();
        List<Framework> frameworks = new ArrayList<>();
        Set<String> frameworkIds = new HashSet<>();
        for (Document.FrameworkDoc f : doc.frameworks() == null ? List.<Document.FrameworkDoc>of() : doc.frameworks()) {
            if (f.id() == null || f.title() == null || f.title().isBlank()) {
                problems.add("framework " + f.id() + " needs an id and a title");
            } else if (!frameworkIds.add(f.id())) {
                problems.add("framework " + f.id() + " is declared twice");
            } else {
                frameworks.add(new Framework(f.id(), f.title().strip()));
            }
        }
        List<FrameworkItem> items = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Document.ItemDoc i : doc.items() == null ? List.<Document.ItemDoc>of() : doc.items()) {
            String code = i.code();
            if (code == null || !FrameworkItem.CODE.matcher(code).matches()) {
                problems.add("item code " + code + " does not match the contract's pattern");
                continue;
            }
            if (!codes.add(code)) {
                problems.add("item " + code + " appears twice");
            }
            if (i.title() == null || i.title().isBlank()) {
                problems.add("item " + code + " has no title");
            } else if (i.title().length() > 200) {
                problems.add("item " + code + " has a title longer than 200 characters");
            }
            String framework = FrameworkItem.frameworkOf(code);
            if (!frameworkIds.contains(framework)) {
                problems.add("item " + code + " belongs to undeclared framework " + framework);
            }
            // an item without a title is among the problems reported: the catalogue is refused
            items.add(new FrameworkItem(
                    code, framework, i.title() == null ? "" : i.title().strip(), FrameworkItem.parentOf(code)));
        }
        for (FrameworkItem item : items) {
            if (item.parent() != null && !codes.contains(item.parent())) {
                problems.add(
                        "item " + item.code() + " belongs to " + item.parent() + ", which is not in the catalogue");
            }
        }
        if (items.isEmpty()) {
            problems.add("the catalogue has no items");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "framework catalogue " + name + " is invalid:\n - " + String.join("\n - ", problems));
        }
        return new FrameworkCatalogue(frameworks, items);
    }

    /** The YAML document as written. */
    record Document(
            @Nullable String id,
            @Nullable Integer version,
            @Nullable List<FrameworkDoc> frameworks,
            @Nullable List<ItemDoc> items) {

        record FrameworkDoc(@Nullable String id, @Nullable String title) {}

        record ItemDoc(@Nullable String code, @Nullable String title) {}
    }
}
