@NullMarked
package org.arrival.web.wording;

import org.jspecify.annotations.NullMarked;
