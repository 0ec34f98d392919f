@NullMarked
package org.arrival.web.population;

import org.jspecify.annotations.NullMarked;
