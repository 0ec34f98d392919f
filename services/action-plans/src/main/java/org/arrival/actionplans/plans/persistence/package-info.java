@NullMarked
package org.arrival.actionplans.plans.persistence;

import org.jspecify.annotations.NullMarked;
