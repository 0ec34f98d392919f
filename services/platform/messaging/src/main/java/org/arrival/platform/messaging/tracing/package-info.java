@NullMarked
package org.arrival.platform.messaging.tracing;

import org.jspecify.annotations.NullMarked;
