@NullMarked
package org.arrival.actionplans.spreadsheets.persistence;

import org.jspecify.annotations.NullMarked;
