@NullMarked
package org.arrival.actionplans;

import org.jspecify.annotations.NullMarked;
