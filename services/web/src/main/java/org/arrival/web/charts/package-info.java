@NullMarked
package org.arrival.web.charts;

import org.jspecify.annotations.NullMarked;
