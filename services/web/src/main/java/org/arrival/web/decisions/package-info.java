/**
 * What came of a forum's decisions: an assignment's page where the assignee accepts it with one of its actions or
 * declines it, the decisions' outcomes as of a date, and a meeting's pack to print or download.
 */
@NullMarked
package org.arrival.web.decisions;

import org.jspecify.annotations.NullMarked;
