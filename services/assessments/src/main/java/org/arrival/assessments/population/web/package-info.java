@NullMarked
package org.arrival.assessments.population.web;

import org.jspecify.annotations.NullMarked;
