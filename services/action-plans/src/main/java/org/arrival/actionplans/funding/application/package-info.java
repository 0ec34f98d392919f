@NullMarked
package org.arrival.actionplans.funding.application;

import org.jspecify.annotations.NullMarked;
