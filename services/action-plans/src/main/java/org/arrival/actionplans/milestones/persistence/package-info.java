@NullMarked
package org.arrival.actionplans.milestones.persistence;

import org.jspecify.annotations.NullMarked;
