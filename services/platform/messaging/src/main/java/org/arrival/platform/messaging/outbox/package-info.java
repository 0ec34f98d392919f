@NullMarked
package org.arrival.platform.messaging.outbox;

import org.jspecify.annotations.NullMarked;
