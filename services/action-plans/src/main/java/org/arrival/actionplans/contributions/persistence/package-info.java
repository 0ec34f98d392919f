@NullMarked
package org.arrival.actionplans.contributions.persistence;

import org.jspecify.annotations.NullMarked;
