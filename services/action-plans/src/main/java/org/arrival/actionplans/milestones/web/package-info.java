@NullMarked
package org.arrival.actionplans.milestones.web;

import org.jspecify.annotations.NullMarked;
