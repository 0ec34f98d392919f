@NullMarked
package org.arrival.assessments.shared.application;

import org.jspecify.annotations.NullMarked;
