@NullMarked
package org.arrival.notifications;

import org.jspecify.annotations.NullMarked;
