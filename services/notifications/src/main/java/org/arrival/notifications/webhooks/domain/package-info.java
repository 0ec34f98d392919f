@NullMarked
package org.arrival.notifications.webhooks.domain;

import org.jspecify.annotations.NullMarked;
