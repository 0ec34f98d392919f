@NullMarked
package org.arrival.assessments.spreadsheets.web;

import org.jspecify.annotations.NullMarked;
