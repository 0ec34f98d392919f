@NullMarked
package org.arrival.assessments.spreadsheets.application;

import org.jspecify.annotations.NullMarked;
