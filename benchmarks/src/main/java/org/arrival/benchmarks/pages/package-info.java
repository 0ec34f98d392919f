@NullMarked
package org.arrival.benchmarks.pages;

import org.jspecify.annotations.NullMarked;
