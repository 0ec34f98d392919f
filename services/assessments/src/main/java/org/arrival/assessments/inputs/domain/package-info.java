@NullMarked
package org.arrival.assessments.inputs.domain;

import org.jspecify.annotations.NullMarked;
