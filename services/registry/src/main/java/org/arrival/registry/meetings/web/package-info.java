@NullMarked
package org.arrival.registry.meetings.web;

import org.jspecify.annotations.NullMarked;
