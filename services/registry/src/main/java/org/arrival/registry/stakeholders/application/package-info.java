@NullMarked
package org.arrival.registry.stakeholders.application;

import org.jspecify.annotations.NullMarked;
