/**
 * The round trip of records through a spreadsheet, whatever their kind: reading a row's cells by key with a problem
 * per cell, the outcome of each imported row and the fields it changes, the stored import's lifecycle (previewed,
 * applied or discarded) and the report of an import as CSV. Free of any framework; the table the imports are kept
 * in is {@code persistence.ImportTable}, the JSON of their rows the service's.
 */
@NullMarked
package org.arrival.platform.spreadsheets.imports;

import org.jspecify.annotations.NullMarked;
