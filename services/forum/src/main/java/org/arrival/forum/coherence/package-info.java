@NullMarked
package org.arrival.forum.coherence;

import org.jspecify.annotations.NullMarked;
