@NullMarked
package org.arrival.assessments.population.domain;

import org.jspecify.annotations.NullMarked;
