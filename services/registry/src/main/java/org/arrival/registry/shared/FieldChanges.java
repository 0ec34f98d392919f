package org.arrival.registry.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Collects the names of fields whose values differ, for the {@code changedFields} of an event. */
public final class FieldChanges {

    private final List<String> changed = new ArrayList<>();

    public FieldChanges compare(String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
        return this;
    }

    public List<String> list() {
        return List.copyOf(changed);
    }
}
