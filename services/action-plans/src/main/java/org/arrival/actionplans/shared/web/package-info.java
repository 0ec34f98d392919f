@NullMarked
package org.arrival.actionplans.shared.web;

import org.jspecify.annotations.NullMarked;
