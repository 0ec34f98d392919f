/** What the forum's meetings decided and what came of it: the decisions view and a meeting's pack. */
@NullMarked
package org.arrival.forum.meetings;

import org.jspecify.annotations.NullMarked;
