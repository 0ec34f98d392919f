@NullMarked
package org.arrival.registry.apiclients.persistence;

import org.jspecify.annotations.NullMarked;
