@NullMarked
package org.arrival.notifications.webhooks.web;

import org.jspecify.annotations.NullMarked;
