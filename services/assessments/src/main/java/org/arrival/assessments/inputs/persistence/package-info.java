@NullMarked
package org.arrival.assessments.inputs.persistence;

import org.jspecify.annotations.NullMarked;
