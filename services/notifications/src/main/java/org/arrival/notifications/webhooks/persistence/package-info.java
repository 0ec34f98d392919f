@NullMarked
package org.arrival.notifications.webhooks.persistence;

import org.jspecify.annotations.NullMarked;
