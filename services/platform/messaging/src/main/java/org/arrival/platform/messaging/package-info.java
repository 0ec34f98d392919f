@NullMarked
package org.arrival.platform.messaging;

import org.jspecify.annotations.NullMarked;
