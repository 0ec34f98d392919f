@NullMarked
package org.arrival.benchmarks.footprint;

import org.jspecify.annotations.NullMarked;
