@NullMarked
package org.arrival.contracts.forum;

import org.jspecify.annotations.NullMarked;
