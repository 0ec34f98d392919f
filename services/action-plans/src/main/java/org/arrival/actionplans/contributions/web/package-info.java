@NullMarked
package org.arrival.actionplans.contributions.web;

import org.jspecify.annotations.NullMarked;
