@NullMarked
package org.arrival.platform.messaging.consumer;

import org.jspecify.annotations.NullMarked;
