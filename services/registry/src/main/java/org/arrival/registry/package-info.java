@NullMarked
package org.arrival.registry;

import org.jspecify.annotations.NullMarked;
