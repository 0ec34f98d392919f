@NullMarked
package org.arrival.assessments.checklist.reference;

import org.jspecify.annotations.NullMarked;
