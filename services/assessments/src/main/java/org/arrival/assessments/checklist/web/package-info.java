@NullMarked
package org.arrival.assessments.checklist.web;

import org.jspecify.annotations.NullMarked;
