@NullMarked
package org.arrival.web.inputs;

import org.jspecify.annotations.NullMarked;
