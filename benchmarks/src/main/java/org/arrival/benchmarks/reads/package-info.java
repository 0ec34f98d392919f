/**
 * Read latency: what a person waits for when reading a large forum (its API views, exports and web pages) at one
 * and many concurrent users, each figure beside the same rows read by plain SQL from the forum view's database.
 */
@NullMarked
package org.arrival.benchmarks.reads;

import org.jspecify.annotations.NullMarked;
