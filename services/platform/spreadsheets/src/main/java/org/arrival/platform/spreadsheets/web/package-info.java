/**
 * The web side of a service's spreadsheet endpoints, the same in every service: a refused file as problem+json, the
 * upload's size check, the {@code records} parameter and a file sent as a download.
 */
@NullMarked
package org.arrival.platform.spreadsheets.web;

import org.jspecify.annotations.NullMarked;
