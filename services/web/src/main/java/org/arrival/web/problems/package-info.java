@NullMarked
package org.arrival.web.problems;

import org.jspecify.annotations.NullMarked;
