@NullMarked
package org.arrival.actionplans.freshness.application;

import org.jspecify.annotations.NullMarked;
