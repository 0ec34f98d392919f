@NullMarked
package org.arrival.assessments.shared.web;

import org.jspecify.annotations.NullMarked;
