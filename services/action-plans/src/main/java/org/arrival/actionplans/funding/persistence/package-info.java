@NullMarked
package org.arrival.actionplans.funding.persistence;

import org.jspecify.annotations.NullMarked;
