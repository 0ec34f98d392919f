@NullMarked
package org.arrival.assessments.needs.web;

import org.jspecify.annotations.NullMarked;
