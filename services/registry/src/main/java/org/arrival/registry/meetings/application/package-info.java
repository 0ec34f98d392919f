@NullMarked
package org.arrival.registry.meetings.application;

import org.jspecify.annotations.NullMarked;
