@NullMarked
package org.arrival.actionplans.plans.web;

import org.jspecify.annotations.NullMarked;
