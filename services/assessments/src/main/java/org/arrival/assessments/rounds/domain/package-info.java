@NullMarked
package org.arrival.assessments.rounds.domain;

import org.jspecify.annotations.NullMarked;
