@NullMarked
package org.arrival.actionplans.spreadsheets.web;

import org.jspecify.annotations.NullMarked;
