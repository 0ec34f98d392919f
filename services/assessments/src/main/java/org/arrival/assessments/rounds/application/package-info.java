@NullMarked
package org.arrival.assessments.rounds.application;

import org.jspecify.annotations.NullMarked;
