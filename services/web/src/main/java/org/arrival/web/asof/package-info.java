@NullMarked
package org.arrival.web.asof;

import org.jspecify.annotations.NullMarked;
