@NullMarked
package org.arrival.benchmarks.coherence;

import org.jspecify.annotations.NullMarked;
