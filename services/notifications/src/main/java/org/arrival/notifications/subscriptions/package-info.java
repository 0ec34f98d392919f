@NullMarked
package org.arrival.notifications.subscriptions;

import org.jspecify.annotations.NullMarked;
