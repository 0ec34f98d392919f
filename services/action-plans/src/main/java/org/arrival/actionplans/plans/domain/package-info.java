@NullMarked
package org.arrival.actionplans.plans.domain;

import org.jspecify.annotations.NullMarked;
