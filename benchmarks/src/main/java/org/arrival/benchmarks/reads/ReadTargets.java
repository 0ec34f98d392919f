package org.arrival.benchmarks.reads;

import java.time.Instant;
import java.util.UUID;
import org.arrival.benchmarks.reporting.Reporter;
import org.arrival.local.DemoForum;
import org.jspecify.annotations.Nullable;

/**
 * What the reads ask for.
 *
 * @param forum the large forum to read
 * @param action an action recorded through the action-plans service, whose web page is read (the data set's actions
 *     live in the topics only)
 * @param forumActions how many actions the forum has, for the tracker's last page
 * @param asOf the instant the as-of view is asked about (about two years back: most of the history lies after it)
 * @param flagId a flag of the forum whose history is read, or null to leave that read out
 * @param reader the demo user who reads: their organisation holds a seat in the forum
 * @param password the reader's password, for the web application's sign-in
 */
public record ReadTargets(
        UUID forum,
        UUID action,
        int forumActions,
        Instant asOf,
        @Nullable UUID flagId,
        Reporter reader,
        String password) {

    /** The tracker's page size the reads ask for. */
    public static final int PAGE_SIZE = 50;

    public ReadTargets {
        if (forumActions < 0) {
            throw new IllegalArgumentException("a forum cannot have " + forumActions + " actions");
        }
    }

    /** Targets read by a demo user (the demo's password). */
    public static ReadTargets of(
            UUID forum, UUID action, int forumActions, Instant asOf, @Nullable UUID flagId, Reporter reader) {
        return new ReadTargets(forum, action, forumActions, asOf, flagId, reader, DemoForum.PASSWORD);
    }

    /** The tracker's last page (from 0) at {@link #PAGE_SIZE} actions a page; 0 for an empty forum. */
    public int lastPage() {
        return lastPage(forumActions, PAGE_SIZE);
    }

    static int lastPage(int actions, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one action, not " + size);
        }
        return actions <= 0 ? 0 : (actions + size - 1) / size - 1;
    }
}
