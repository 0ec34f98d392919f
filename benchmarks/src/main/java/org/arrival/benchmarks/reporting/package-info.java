@NullMarked
package org.arrival.benchmarks.reporting;

import org.jspecify.annotations.NullMarked;
