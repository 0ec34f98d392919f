@NullMarked
package org.arrival.registry.people.realm;

import org.jspecify.annotations.NullMarked;
