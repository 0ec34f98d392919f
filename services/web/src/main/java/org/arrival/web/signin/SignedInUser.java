package org.arrival.web.signin;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The person signed in, as their access token describes them: name, the organisation they act for
 * ({@code org_id}) and their realm roles. The services decide what they may do; the pages use this only to leave
 * out what they know the person cannot do.
 */
public record SignedInUser(
        String subject,
        @Nullable String username,
        @Nullable String name,
        @Nullable UUID organisationId,
        Set<String> roles) {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String ORG_ADMIN = "org-admin";
    public static final String ORG_EDITOR = "org-editor";
    public static final String FORUM_COORDINATOR = "forum-coordinator";

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Records their organisation's data (editors and administrators). */
    public boolean editsForOrganisation() {
        return organisationId != null && (has(ORG_EDITOR) || has(ORG_ADMIN));
    }

    public boolean platformAdmin() {
        return has(PLATFORM_ADMIN);
    }
}
