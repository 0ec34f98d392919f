@NullMarked
package org.arrival.contracts.actionplans;

import org.jspecify.annotations.NullMarked;
