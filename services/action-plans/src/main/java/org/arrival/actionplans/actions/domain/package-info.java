@NullMarked
package org.arrival.actionplans.actions.domain;

import org.jspecify.annotations.NullMarked;
