@NullMarked
package org.arrival.assessments.inputs.application;

import org.jspecify.annotations.NullMarked;
