/** Running a forum: its profile, its seats and memberships, and its history, for its chair and secretariat. */
@NullMarked
package org.arrival.web.forumrunning;

import org.jspecify.annotations.NullMarked;
