@NullMarked
package org.arrival.assessments.spreadsheets.domain;

import org.jspecify.annotations.NullMarked;
