@NullMarked
package org.arrival.actionplans.spreadsheets.application;

import org.jspecify.annotations.NullMarked;
