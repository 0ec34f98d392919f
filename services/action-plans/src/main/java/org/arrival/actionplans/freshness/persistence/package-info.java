@NullMarked
package org.arrival.actionplans.freshness.persistence;

import org.jspecify.annotations.NullMarked;
