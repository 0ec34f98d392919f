@NullMarked
package org.arrival.platform.messaging.health;

import org.jspecify.annotations.NullMarked;
