@NullMarked
package org.arrival.actionplans.freshness.domain;

import org.jspecify.annotations.NullMarked;
