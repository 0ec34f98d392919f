@NullMarked
package org.arrival.assessments.rounds.persistence;

import org.jspecify.annotations.NullMarked;
