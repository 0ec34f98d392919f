@NullMarked
package org.arrival.assessments.rounds.web;

import org.jspecify.annotations.NullMarked;
