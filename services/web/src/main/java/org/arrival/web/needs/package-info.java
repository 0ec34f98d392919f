@NullMarked
package org.arrival.web.needs;

import org.jspecify.annotations.NullMarked;
