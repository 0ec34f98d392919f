@NullMarked
package org.arrival.notifications.records;

import org.jspecify.annotations.NullMarked;
