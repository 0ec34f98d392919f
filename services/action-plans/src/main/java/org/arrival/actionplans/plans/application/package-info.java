@NullMarked
package org.arrival.actionplans.plans.application;

import org.jspecify.annotations.NullMarked;
