@NullMarked
package org.arrival.benchmarks.database;

import org.jspecify.annotations.NullMarked;
