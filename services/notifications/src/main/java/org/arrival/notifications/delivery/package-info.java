@NullMarked
package org.arrival.notifications.delivery;

import org.jspecify.annotations.NullMarked;
