@NullMarked
package org.arrival.platform.messaging.history;

import org.jspecify.annotations.NullMarked;
