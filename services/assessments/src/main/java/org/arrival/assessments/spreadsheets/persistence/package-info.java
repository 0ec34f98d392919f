@NullMarked
package org.arrival.assessments.spreadsheets.persistence;

import org.jspecify.annotations.NullMarked;
