@NullMarked
package org.arrival.notifications.routing;

import org.jspecify.annotations.NullMarked;
