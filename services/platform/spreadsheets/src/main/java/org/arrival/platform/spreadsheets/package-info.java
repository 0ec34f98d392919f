/**
 * Reading and writing tables as XLSX or CSV files, safely: a size and a row limit, zip and XML bombs refused, formulas
 * read as the value the file cached (never evaluated), macro-enabled and legacy workbooks refused by their content.
 */
@NullMarked
package org.arrival.platform.spreadsheets;

import org.jspecify.annotations.NullMarked;
