@NullMarked
package org.arrival.actionplans.shared.application;

import org.jspecify.annotations.NullMarked;
