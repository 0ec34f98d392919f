@NullMarked
package org.arrival.web.api;

import org.jspecify.annotations.NullMarked;
