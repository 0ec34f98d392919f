@NullMarked
package org.arrival.registry.meetings.persistence;

import org.jspecify.annotations.NullMarked;
