@NullMarked
package org.arrival.web.notifications;

import org.jspecify.annotations.NullMarked;
