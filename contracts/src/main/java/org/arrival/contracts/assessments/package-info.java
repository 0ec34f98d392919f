@NullMarked
package org.arrival.contracts.assessments;

import org.jspecify.annotations.NullMarked;
