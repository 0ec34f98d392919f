@NullMarked
package org.arrival.registry.stakeholders.domain;

import org.jspecify.annotations.NullMarked;
