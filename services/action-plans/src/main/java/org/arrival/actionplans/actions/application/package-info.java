@NullMarked
package org.arrival.actionplans.actions.application;

import org.jspecify.annotations.NullMarked;
