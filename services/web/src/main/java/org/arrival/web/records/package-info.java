@NullMarked
package org.arrival.web.records;

import org.jspecify.annotations.NullMarked;
