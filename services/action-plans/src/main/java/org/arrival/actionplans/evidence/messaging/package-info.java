@NullMarked
package org.arrival.actionplans.evidence.messaging;

import org.jspecify.annotations.NullMarked;
