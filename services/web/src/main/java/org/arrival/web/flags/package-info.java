@NullMarked
package org.arrival.web.flags;

import org.jspecify.annotations.NullMarked;
