@NullMarked
package org.arrival.notifications.mail;

import org.jspecify.annotations.NullMarked;
