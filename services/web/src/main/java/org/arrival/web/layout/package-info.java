@NullMarked
package org.arrival.web.layout;

import org.jspecify.annotations.NullMarked;
