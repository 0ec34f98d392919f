@NullMarked
package org.arrival.web.forums;

import org.jspecify.annotations.NullMarked;
