@NullMarked
package org.arrival.forum.live;

import org.jspecify.annotations.NullMarked;
