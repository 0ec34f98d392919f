/**
 * Reporting in a spreadsheet: an organisation chooses what to report (actions with their progress, milestones,
 * funding lines, needs or population estimates), downloads those records in a forum as XLSX or CSV, fills them in
 * (and edits or adds records), uploads the file, checks what it would change row by row, and applies it at once.
 */
@NullMarked
package org.arrival.web.spreadsheets;

import org.jspecify.annotations.NullMarked;
