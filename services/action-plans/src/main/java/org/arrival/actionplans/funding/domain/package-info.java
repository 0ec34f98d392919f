@NullMarked
package org.arrival.actionplans.funding.domain;

import org.jspecify.annotations.NullMarked;
