@NullMarked
package org.arrival.registry.meetings.domain;

import org.jspecify.annotations.NullMarked;
