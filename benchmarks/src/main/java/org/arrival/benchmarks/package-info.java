@NullMarked
package org.arrival.benchmarks;

import org.jspecify.annotations.NullMarked;
