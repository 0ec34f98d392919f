package org.arrival.registry.shared;

import java.util.UUID;

import org.arrival.platform.security.Caller;

/**
 * A caller as the registry sees them: whether their organisation is an enforcement body (immigration, police,
 * security), which decides whether organisations hidden from enforcement bodies exist for them.
 * A caller whose organisation the registry does not know is treated like an enforcement body.
 */
public record Viewer(Caller caller, boolean enforcementBody) {

    public UUID organisationId() {
        return caller.organisationId();
    }

    /** Whether this viewer may see a record hidden from enforcement bodies and owned by {@code owner}. */
    public boolean seesHidden(UUID owner) {
        return caller.isPlatformAdmin() || caller.actsFor(owner) || !enforcementBody;
    }
}
