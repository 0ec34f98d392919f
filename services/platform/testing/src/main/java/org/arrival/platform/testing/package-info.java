@NullMarked
package org.arrival.platform.testing;

import org.jspecify.annotations.NullMarked;
