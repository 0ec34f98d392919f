@NullMarked
package org.arrival.assessments.needs.domain;

import org.jspecify.annotations.NullMarked;
