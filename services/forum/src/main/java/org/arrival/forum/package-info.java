@NullMarked
package org.arrival.forum;

import org.jspecify.annotations.NullMarked;
