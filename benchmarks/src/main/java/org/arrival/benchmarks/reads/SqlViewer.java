package org.arrival.benchmarks.reads;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The reader as the forum view's read policy sees them, read from the service's own replica of the registry: their
 * organisation, whether it is an enforcement body, the forums it holds a seat in and, for an enforcement body, the
 * organisations hidden from it.
 */
record SqlViewer(@Nullable UUID organisation, boolean enforcementBody, Set<UUID> forums, Set<UUID> hidden) {

    SqlViewer {
        forums = Set.copyOf(forums);
        hidden = enforcementBody ? Set.copyOf(hidden) : Set.of();
    }
}
