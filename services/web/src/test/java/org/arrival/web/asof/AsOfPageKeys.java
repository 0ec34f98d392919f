package org.arrival.web.asof;

import java.util.Set;

/** The record types the as-of page names, for the test of their texts. */
public final class AsOfPageKeys {

    private AsOfPageKeys() {}

    public static Set<String> recordTypes() {
        return AsOfPage.RECORD_TYPES;
    }
}
