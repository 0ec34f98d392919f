@NullMarked
package org.arrival.web.api.forum;

import org.jspecify.annotations.NullMarked;
