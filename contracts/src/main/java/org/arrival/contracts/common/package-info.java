@NullMarked
package org.arrival.contracts.common;

import org.jspecify.annotations.NullMarked;
