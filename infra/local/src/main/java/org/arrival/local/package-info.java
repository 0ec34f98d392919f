@NullMarked
package org.arrival.local;

import org.jspecify.annotations.NullMarked;
