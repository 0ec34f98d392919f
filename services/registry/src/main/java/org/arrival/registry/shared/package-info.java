@NullMarked
package org.arrival.registry.shared;

import org.jspecify.annotations.NullMarked;
