@NullMarked
package org.arrival.assessments.needs.persistence;

import org.jspecify.annotations.NullMarked;
