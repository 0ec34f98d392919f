@NullMarked
package org.arrival.actionplans.contributions.domain;

import org.jspecify.annotations.NullMarked;
