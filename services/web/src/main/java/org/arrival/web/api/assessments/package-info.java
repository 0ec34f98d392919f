@NullMarked
package org.arrival.web.api.assessments;

import org.jspecify.annotations.NullMarked;
