@NullMarked
package org.arrival.benchmarks.measure;

import org.jspecify.annotations.NullMarked;
