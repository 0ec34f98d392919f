@NullMarked
package org.arrival.actionplans.spreadsheets.domain;

import org.jspecify.annotations.NullMarked;
