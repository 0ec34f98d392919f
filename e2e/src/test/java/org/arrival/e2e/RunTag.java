package org.arrival.e2e;

import java.util.concurrent.ThreadLocalRandom;

/** A run's own tag: six random letters in the names of what a test makes, so runs on one stack do not collide. */
final class RunTag {

    private RunTag() {}

    static String random() {
        StringBuilder b = new StringBuilder();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }
}
