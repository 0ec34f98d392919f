/**
 * Reporting in a spreadsheet: an organisation downloads its actions in a forum as XLSX or CSV, fills in progress
 * (and edits or adds actions), uploads the file, checks what it would change row by row, and applies it at once.
 */
@NullMarked
package org.arrival.web.spreadsheets;

import org.jspecify.annotations.NullMarked;
