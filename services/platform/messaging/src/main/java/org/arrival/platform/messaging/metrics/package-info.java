@NullMarked
package org.arrival.platform.messaging.metrics;

import org.jspecify.annotations.NullMarked;
