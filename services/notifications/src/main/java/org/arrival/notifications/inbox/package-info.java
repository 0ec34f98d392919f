@NullMarked
package org.arrival.notifications.inbox;

import org.jspecify.annotations.NullMarked;
