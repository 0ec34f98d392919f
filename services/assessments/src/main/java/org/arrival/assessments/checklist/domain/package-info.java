@NullMarked
package org.arrival.assessments.checklist.domain;

import org.jspecify.annotations.NullMarked;
