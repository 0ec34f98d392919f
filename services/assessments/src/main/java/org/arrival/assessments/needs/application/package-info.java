@NullMarked
package org.arrival.assessments.needs.application;

import org.jspecify.annotations.NullMarked;
