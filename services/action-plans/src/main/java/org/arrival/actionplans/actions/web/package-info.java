@NullMarked
package org.arrival.actionplans.actions.web;

import org.jspecify.annotations.NullMarked;
