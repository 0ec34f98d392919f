@NullMarked
package org.arrival.forum.projection;

import org.jspecify.annotations.NullMarked;
