@NullMarked
package org.arrival.assessments.population.persistence;

import org.jspecify.annotations.NullMarked;
