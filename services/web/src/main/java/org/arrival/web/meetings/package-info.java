/**
 * A forum's meetings: the list and the form to schedule one, and a meeting's page with its agenda, attendance,
 * minutes, status and the decisions taken there, for the people who run the forum to record.
 */
@NullMarked
package org.arrival.web.meetings;

import org.jspecify.annotations.NullMarked;
