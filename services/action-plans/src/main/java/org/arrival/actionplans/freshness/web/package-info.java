@NullMarked
package org.arrival.actionplans.freshness.web;

import org.jspecify.annotations.NullMarked;
