@NullMarked
package org.arrival.web.progress;

import org.jspecify.annotations.NullMarked;
