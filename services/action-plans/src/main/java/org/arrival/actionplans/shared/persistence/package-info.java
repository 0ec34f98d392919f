@NullMarked
package org.arrival.actionplans.shared.persistence;

import org.jspecify.annotations.NullMarked;
