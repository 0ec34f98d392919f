@NullMarked
package org.arrival.actionplans.evidence.persistence;

import org.jspecify.annotations.NullMarked;
