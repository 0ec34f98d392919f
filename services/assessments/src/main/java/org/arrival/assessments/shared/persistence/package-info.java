@NullMarked
package org.arrival.assessments.shared.persistence;

import org.jspecify.annotations.NullMarked;
