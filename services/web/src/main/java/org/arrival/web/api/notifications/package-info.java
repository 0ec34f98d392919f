@NullMarked
package org.arrival.web.api.notifications;

import org.jspecify.annotations.NullMarked;
