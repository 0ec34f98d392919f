@NullMarked
package org.arrival.actionplans.milestones.application;

import org.jspecify.annotations.NullMarked;
