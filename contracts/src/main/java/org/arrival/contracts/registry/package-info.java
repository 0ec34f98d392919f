@NullMarked
package org.arrival.contracts.registry;

import org.jspecify.annotations.NullMarked;
