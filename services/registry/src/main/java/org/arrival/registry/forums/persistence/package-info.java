@NullMarked
package org.arrival.registry.forums.persistence;

import org.jspecify.annotations.NullMarked;
