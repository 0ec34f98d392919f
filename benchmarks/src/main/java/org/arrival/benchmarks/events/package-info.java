@NullMarked
package org.arrival.benchmarks.events;

import org.jspecify.annotations.NullMarked;
