@NullMarked
package org.arrival.web.people;

import org.jspecify.annotations.NullMarked;
