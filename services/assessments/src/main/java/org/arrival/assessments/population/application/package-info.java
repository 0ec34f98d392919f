@NullMarked
package org.arrival.assessments.population.application;

import org.jspecify.annotations.NullMarked;
