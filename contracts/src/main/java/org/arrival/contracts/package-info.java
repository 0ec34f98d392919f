@NullMarked
package org.arrival.contracts;

import org.jspecify.annotations.NullMarked;
