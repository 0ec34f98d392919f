@NullMarked
package org.arrival.assessments;

import org.jspecify.annotations.NullMarked;
