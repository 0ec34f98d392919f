@NullMarked
package org.arrival.registry.apiclients.realm;

import org.jspecify.annotations.NullMarked;
