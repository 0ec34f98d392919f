/** The table in which a service keeps its spreadsheet imports, the same in every service that has them. */
@NullMarked
package org.arrival.platform.spreadsheets.persistence;

import org.jspecify.annotations.NullMarked;
