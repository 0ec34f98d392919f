@NullMarked
package org.arrival.registry.apiclients.domain;

import org.jspecify.annotations.NullMarked;
