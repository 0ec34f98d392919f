@NullMarked
package org.arrival.registry.people.persistence;

import org.jspecify.annotations.NullMarked;
