@NullMarked
package org.arrival.registry.stakeholders.persistence;

import org.jspecify.annotations.NullMarked;
