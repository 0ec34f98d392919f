@NullMarked
package org.arrival.web.actions;

import org.jspecify.annotations.NullMarked;
