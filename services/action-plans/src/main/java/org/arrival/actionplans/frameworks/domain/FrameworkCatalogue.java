package org.arrival.actionplans.frameworks.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.arrival.platform.web.InvalidInput;

/** The frameworks and their items, in the order of the bundled catalogue. */
public final class FrameworkCatalogue {

    private final List<Framework> frameworks;
    private final Map<String, FrameworkItem> items;

    public FrameworkCatalogue(List<Framework> frameworks, List<FrameworkItem> items) {
        this.frameworks = List.copyOf(frameworks);
        Map<String, FrameworkItem> byCode = new LinkedHashMap<>();
        items.forEach(i -> byCode.put(i.code(), i));
        this.items = java.util.Collections.unmodifiableMap(byCode);
    }

    public List<Framework> frameworks() {
        return frameworks;
    }

    public List<FrameworkItem> items() {
        return List.copyOf(items.values());
    }

    public List<FrameworkItem> items(String framework) {
        return items.values().stream()
                .filter(i -> i.framework().equals(framework))
                .toList();
    }

    public Optional<FrameworkItem> find(String code) {
        return Optional.ofNullable(code == null ? null : items.get(code));
    }

    public boolean knowsFramework(String framework) {
        return frameworks.stream().anyMatch(f -> f.id().equals(framework));
    }

    /** Refuses codes the catalogue does not hold, naming every one of them (400). */
    public void requireKnown(Collection<String> codes) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String code : codes) {
            if (!items.containsKey(code)) {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            List<String> names = new ArrayList<>(unknown);
            throw InvalidInput.field(
                    "frameworkItems",
                    "not in the framework catalogue: " + String.join(", ", names) + " (see GET /frameworks)");
        }
    }
}
