@NullMarked
package org.arrival.actionplans.milestones.domain;

import org.jspecify.annotations.NullMarked;
