@NullMarked
package org.arrival.platform.messaging.deadletter;

import org.jspecify.annotations.NullMarked;
