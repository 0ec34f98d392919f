/** Data sets of a city's and a country's size, published to the platform's topics for the read benchmarks. */
@NullMarked
package org.arrival.benchmarks.dataset;

import org.jspecify.annotations.NullMarked;
