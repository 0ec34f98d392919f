@NullMarked
package org.arrival.notifications.webhooks.application;

import org.jspecify.annotations.NullMarked;
