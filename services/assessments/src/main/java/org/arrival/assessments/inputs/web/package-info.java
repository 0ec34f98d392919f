@NullMarked
package org.arrival.assessments.inputs.web;

import org.jspecify.annotations.NullMarked;
