@NullMarked
package org.arrival.actionplans.actions.persistence;

import org.jspecify.annotations.NullMarked;
