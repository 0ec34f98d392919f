@NullMarked
package org.arrival.notifications.texts;

import org.jspecify.annotations.NullMarked;
