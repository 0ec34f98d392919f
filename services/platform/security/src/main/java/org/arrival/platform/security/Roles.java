package org.arrival.platform.security;

/**
 * Realm roles issued by Keycloak. A role says what a member may do; what kind of organisation they belong to
 * (ministry, municipality, NGO, association, enforcement body) lives in the registry.
 */
public final class Roles {

    /** Runs the platform: verifies, suspends and archives organisations. */
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** Administers their own organisation's profile and proposes organisations. */
    public static final String ORG_ADMIN = "org-admin";
    /** Creates and edits their own organisation's records (assessments, actions, reports). */
    public static final String ORG_EDITOR = "org-editor";
    /** Runs a forum whose chair or secretariat their organisation holds: memberships, forum profile. */
    public static final String FORUM_COORDINATOR = "forum-coordinator";
    /** Reads what their organisation may see. Every member has it. */
    public static final String MEMBER = "member";

    private Roles() {}
}
