package org.arrival.benchmarks.reporting;

import java.util.List;
import java.util.UUID;
import org.arrival.local.DemoForum;
import org.jspecify.annotations.Nullable;

/** A demo user who edits an organisation's records, with the organisation they act for. */
public record Reporter(String username, @Nullable UUID organisation) {

    /** The forum members whose editors record actions and report progress in the benchmark. */
    public static final List<Reporter> EDITORS = List.of(
            new Reporter("kcca-coordinator", UUID.fromString(DemoForum.KCCA)),
            new Reporter("ngo-editor", UUID.fromString(DemoForum.NGO)),
            new Reporter("opm-refugees-editor", UUID.fromString(DemoForum.OPM)),
            new Reporter("rlo-editor", UUID.fromString(DemoForum.RLO)));

    /** Reads the forum's tracker and has the load's notifications in their inbox. */
    public static final Reporter DONOR = new Reporter("donor-viewer", UUID.fromString(DemoForum.DONOR));

    /** Watches the probe's working group: its tracker and their inbox show the probe's reports only. */
    public static final Reporter STATISTICIAN = new Reporter("ubos-statistician", UUID.fromString(DemoForum.UBOS));

    public static final Reporter ADMIN = new Reporter("platform-admin", null);
}
