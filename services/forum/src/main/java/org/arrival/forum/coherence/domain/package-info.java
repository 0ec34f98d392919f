@NullMarked
package org.arrival.forum.coherence.domain;

import org.jspecify.annotations.NullMarked;
