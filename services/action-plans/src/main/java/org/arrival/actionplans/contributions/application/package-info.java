@NullMarked
package org.arrival.actionplans.contributions.application;

import org.jspecify.annotations.NullMarked;
