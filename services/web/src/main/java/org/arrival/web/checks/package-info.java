@NullMarked
package org.arrival.web.checks;

import org.jspecify.annotations.NullMarked;
